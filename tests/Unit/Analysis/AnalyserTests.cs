using PerfTesting.Analysis;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Model;

namespace Tests.Unit.Analysis;

public sealed class AnalyserTests
{
    private static readonly ComponentInstrument Storage = new("S3 read", "registry.storage.read.duration", "registry.storage.errors");
    private static readonly ComponentInstrument Metadata = new("DynamoDB lookup", "registry.metadata.lookup.duration");

    [Fact]
    public void ComponentShare_StorageDominates_IsTheBottleneckWithEvidence()
    {
        var run = Run(whiteBox:
        [
            Histogram("http.server.request.duration", "s", count: 1000, mean: 0.020, p50: 0.018, p99: 0.060),
            Histogram(Storage.Instrument, "ms", count: 1000, mean: 15, p50: 14, p99: 45),
            Histogram(Metadata.Instrument, "ms", count: 1000, mean: 2.5, p50: 2, p99: 9),
        ]);

        var findings = new ComponentShareAnalyser([Storage, Metadata]).Analyse(AnalysisInput.ForRun(run)).ToList();

        var storage = Assert.Single(findings, f => f.Severity == Severity.Warning);
        Assert.Equal("S3 read takes 75% of request time: the bottleneck of this run", storage.Title);
        Assert.Contains("http.server.request.duration (server side): mean 20 ms", storage.Evidence);
        var metadata = Assert.Single(findings, f => f.Severity == Severity.Hint);
        Assert.StartsWith("DynamoDB lookup takes 13% of request time", metadata.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void ComponentShare_CacheSkipsLookups_WeighsByCallsPerRequest()
    {
        var run = Run(whiteBox:
        [
            Histogram("http.server.request.duration", "ms", count: 1000, mean: 10, p50: 9, p99: 20),
            Histogram(Metadata.Instrument, "ms", count: 100, mean: 20, p50: 20, p99: 30),
        ]);

        var finding = Assert.Single(new ComponentShareAnalyser([Metadata]).Analyse(AnalysisInput.ForRun(run)));

        Assert.Contains("0.1 DynamoDB lookup measurements per request measurement (counted as 0.1) -> 20% of request time", finding.Evidence);
    }

    [Fact]
    public void ComponentShare_MoreComponentThanRequestMeasurements_CountsOneCallPerRequest()
    {
        // Long downloads straddling the window: 150 storage reads ended inside it, 100 requests started inside it.
        var run = Run(whiteBox:
        [
            Histogram("http.server.request.duration", "ms", count: 100, mean: 1000, p50: 900, p99: 2000),
            Histogram(Storage.Instrument, "ms", count: 150, mean: 600, p50: 600, p99: 900),
        ]);

        var finding = Assert.Single(new ComponentShareAnalyser([Storage]).Analyse(AnalysisInput.ForRun(run)));

        Assert.Equal(0.6, finding.Score, 1e-9);
    }

    [Fact]
    public void ComponentShare_NoServerHistogram_FallsBackToClientLatency()
    {
        var run = Run(meanMs: 10, whiteBox: [Histogram(Storage.Instrument, "ms", count: 10, mean: 9, p50: 9, p99: 9)]);

        var finding = Assert.Single(new ComponentShareAnalyser([Storage]).Analyse(AnalysisInput.ForRun(run)));

        Assert.Contains("client-side latency: mean 10 ms", finding.Evidence);
        Assert.Equal(0.9, finding.Score, 1e-9);
    }

    [Fact]
    public void TailLatency_WideComponentTail_NamesTheComponent()
    {
        var run = Run(p50: 10, p99: 80, whiteBox:
        [
            Histogram(Storage.Instrument, "ms", count: 100, mean: 9, p50: 8, p99: 70),
            Histogram(Metadata.Instrument, "ms", count: 100, mean: 1, p50: 1, p99: 1.5),
        ]);

        var finding = Assert.Single(new TailLatencyAnalyser([Storage, Metadata]).Analyse(AnalysisInput.ForRun(run)));

        Assert.Equal("Heavy latency tail (p99 is 8x the median), carried by S3 read", finding.Title);
    }

    [Fact]
    public void TailLatency_FastComponentWithWideRatio_IsNotBlamedForASlowTail()
    {
        // Seen in the track's spike run: the lookup's ratio was wider (8 -> 80 ms) but storage carried the seconds.
        var run = Run(p50: 250, p99: 2400, whiteBox:
        [
            Histogram(Storage.Instrument, "ms", count: 600, mean: 800, p50: 237, p99: 2257),
            Histogram(Metadata.Instrument, "ms", count: 600, mean: 12, p50: 7.7, p99: 80),
        ]);

        var finding = Assert.Single(new TailLatencyAnalyser([Storage, Metadata]).Analyse(AnalysisInput.ForRun(run)));

        Assert.EndsWith("carried by S3 read", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void TailLatency_NarrowDistribution_SaysNothing()
    {
        Assert.Empty(new TailLatencyAnalyser([Storage]).Analyse(AnalysisInput.ForRun(Run(p50: 10, p99: 20))));
    }

    [Fact]
    public void TailLatency_NoComponentCarriesIt_SaysRequestsQueue()
    {
        var finding = Assert.Single(new TailLatencyAnalyser([Storage]).Analyse(AnalysisInput.ForRun(Run(p50: 10, p99: 50))));

        Assert.EndsWith("requests queue rather than one component being slow", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorCorrelation_StorageCountedTheErrors_AttributesThem()
    {
        var run = Run(failed: 50, whiteBox: [Counter("registry.storage.errors", 50)], errors: new() { ["status 503"] = 50 });

        var finding = Assert.Single(new ErrorCorrelationAnalyser([Storage]).Analyse(AnalysisInput.ForRun(run)));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("5% of requests failed; S3 read reported 50 errors, 100% of the failures", finding.Title);
        Assert.Contains("client saw status 503: 50", finding.Evidence);
    }

    [Fact]
    public void ErrorCorrelation_CounterSharedByStores_IsNotBlamedOnTheFirstListed()
    {
        // The performance track's pool-too-small run before the fix: one error counter listed by every
        // store, a PostgreSQL-backed run, and the finding said "S3 read reported 3 errors".
        ComponentInstrument[] sharing =
        [
            new("S3 read", "registry.s3.read.duration", "registry.storage.errors"),
            new("PostgreSQL read", "registry.postgres.read.duration", "registry.storage.errors"),
        ];
        var run = Run(failed: 3, whiteBox:
        [
            Histogram("registry.postgres.read.duration", "s", count: 900, mean: 0.2, p50: 0.1, p99: 0.9),
            Counter("registry.storage.errors", 3),
        ]);

        var finding = Assert.Single(new ErrorCorrelationAnalyser(sharing).Analyse(AnalysisInput.ForRun(run)));

        Assert.Equal("0.3% of requests failed; PostgreSQL read reported 3 errors, 100% of the failures", finding.Title);
        Assert.Contains("registry.storage.errors is one counter for S3 read and PostgreSQL read; it cannot say which of them failed, so it is named for the ones measured in this run", finding.Evidence);
        Assert.Single(finding.Evidence, e => e.Contains("error counter (", StringComparison.Ordinal));
    }

    [Fact]
    public void ErrorCorrelation_SharedCounterAndSeveralComponentsRan_NamesThemAll()
    {
        ComponentInstrument[] sharing = [Storage, Metadata with { ErrorCounter = Storage.ErrorCounter }];
        var run = Run(failed: 10, whiteBox:
        [
            Histogram(Storage.Instrument, "ms", count: 990, mean: 15, p50: 14, p99: 45),
            Histogram(Metadata.Instrument, "ms", count: 990, mean: 2, p50: 2, p99: 9),
            Counter("registry.storage.errors", 10),
        ]);

        var finding = Assert.Single(new ErrorCorrelationAnalyser(sharing).Analyse(AnalysisInput.ForRun(run)));

        Assert.Equal("1% of requests failed; S3 read or DynamoDB lookup reported 10 errors, 100% of the failures", finding.Title);
    }

    [Fact]
    public void ErrorCorrelation_CounterPerComponent_BlamesTheOneThatCounted()
    {
        ComponentInstrument[] own =
        [
            new("S3 read", "registry.s3.read.duration", "registry.s3.errors"),
            new("PostgreSQL read", "registry.postgres.read.duration", "registry.postgres.errors"),
        ];
        var run = Run(failed: 4, whiteBox: [Counter("registry.s3.errors", 1), Counter("registry.postgres.errors", 3)]);

        var finding = Assert.Single(new ErrorCorrelationAnalyser(own).Analyse(AnalysisInput.ForRun(run)));

        Assert.StartsWith("0.4% of requests failed; PostgreSQL read reported 3 errors", finding.Title, StringComparison.Ordinal);
        Assert.Equal(["PostgreSQL read error counter (registry.postgres.errors): 3", "S3 read error counter (registry.s3.errors): 1"], finding.Evidence.Where(e => e.Contains("error counter", StringComparison.Ordinal)));
    }

    [Fact]
    public void ErrorCorrelation_NoComponentErrors_PointsOutsideTheService()
    {
        var finding = Assert.Single(new ErrorCorrelationAnalyser([Storage]).Analyse(AnalysisInput.ForRun(Run(failed: 1))));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("no component counted errors", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorCorrelation_NoFailures_SaysNothing()
    {
        Assert.Empty(new ErrorCorrelationAnalyser([Storage]).Analyse(AnalysisInput.ForRun(Run())));
    }

    [Fact]
    public void Saturation_ThroughputFlattens_FindsTheKnee()
    {
        IReadOnlyList<SweepPoint> sweep =
        [
            new(1, Run(throughput: 100, p50: 10)),
            new(5, Run(throughput: 480, p50: 10.4)),
            new(10, Run(throughput: 900, p50: 11)),
            new(20, Run(throughput: 950, p50: 21)),
            new(50, Run(throughput: 960, p50: 52)),
        ];

        var finding = Assert.Single(new SaturationAnalyser().Analyse(AnalysisInput.ForSweep(sweep)));

        Assert.Equal("Throughput saturates at about 10 clients (900 req/s); beyond that latency grows instead of throughput", finding.Title);
        Assert.Contains("10 -> 20 clients: throughput +5.6%, p50 +90.9%", finding.Evidence);
    }

    [Fact]
    public void Saturation_LinearScaling_SaysNothing()
    {
        Assert.Empty(new SaturationAnalyser().Analyse(AnalysisInput.ForSweep([new(1, Run(throughput: 100)), new(2, Run(throughput: 200)), new(4, Run(throughput: 390))])));
    }

    [Fact]
    public void CpuSaturation_NearlyAllCores_IsAWarning()
    {
        var run = Run(durationSeconds: 10) with { Process = new ProcessMetrics(18, 0, 0, 0, 0, 0, 0, 0) };

        var finding = Assert.Single(new CpuSaturationAnalyser(cores: 2).Analyse(AnalysisInput.ForRun(run)));

        Assert.StartsWith("The process used 90% of 2 cores", finding.Title, StringComparison.Ordinal);
        Assert.Contains("process.cpu.time: 18 s of CPU in 10 s on 2 cores", finding.Evidence);
        Assert.Empty(new CpuSaturationAnalyser(cores: 8).Analyse(AnalysisInput.ForRun(run)));
    }

    [Fact]
    public void CpuSaturation_NoProcessMetrics_ReadsACapturedCpuTimeInstrument()
    {
        var run = Run(durationSeconds: 10, whiteBox: [Counter(CpuSaturationAnalyser.CpuTimeInstrument, 18, unit: "s")]);

        var finding = Assert.Single(new CpuSaturationAnalyser(cores: 2).Analyse(AnalysisInput.ForRun(run)));

        Assert.StartsWith("The process used 90% of 2 cores", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Analysers_OnlyUseThePartOfTheInputTheyUnderstand()
    {
        var run = Run(failed: 50, p50: 10, p99: 90);

        Assert.Empty(new SaturationAnalyser().Analyse(AnalysisInput.ForRun(run)));
        Assert.Empty(new MemoryGrowthAnalyser().Analyse(AnalysisInput.ForRun(run)));
        Assert.Empty(new TailLatencyAnalyser([Storage]).Analyse(AnalysisInput.ForMemory([])));
        Assert.Empty(new CpuSaturationAnalyser().Analyse(AnalysisInput.ForSweep([])));
    }

    [Fact]
    public void DefaultAnalysers_AreExtendedAndNarrowedWithoutChangingTheDefault()
    {
        var defaults = Analysers.Default([Storage]);
        var custom = defaults.Without<TailLatencyAnalyser>().With(new TailLatencyAnalyser([Storage], ratio: 20));
        var run = Run(p50: 10, p99: 90);

        Assert.Equal(7, defaults.Count);
        Assert.Equal(["component share", "tail latency", "error correlation", "CPU saturation", "saturation", "memory growth", "resource cost"], defaults.Select(a => a.Name));
        Assert.Single(defaults.Analyse(AnalysisInput.ForRun(run)), f => f.Analyser == "tail latency");
        Assert.Equal(7, custom.Count);
        Assert.Empty(custom.Analyse(AnalysisInput.ForRun(run)));
        Assert.Empty(Analysers.Empty.Analyse(AnalysisInput.ForRun(run)));
        Assert.Throws<ArgumentNullException>(() => defaults.With(null!));
        Assert.Throws<ArgumentException>(() => defaults.With([null!]));
    }

    [Fact]
    public void RunAnalysis_RanksErrorsFirstThenByScore()
    {
        var run = Run(failed: 50, p50: 10, p99: 90, whiteBox: [Counter("registry.storage.errors", 50)]);

        var findings = RunAnalysis.Analyse(AnalysisInput.ForRun(run), [new TailLatencyAnalyser([Storage]), new ErrorCorrelationAnalyser([Storage])]);

        Assert.Equal(["error correlation", "tail latency"], findings.Select(f => f.Analyser));
        Assert.Equal("analyser: error correlation", FindingReport.From(findings[0]).Evidence[0]);
    }

    [Fact]
    public void Constructors_RejectNonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComponentShareAnalyser([], warnShare: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TailLatencyAnalyser([], ratio: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SaturationAnalyser(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryGrowthAnalyser(0));
    }

    private static InstrumentSummary Histogram(string name, string unit, long count, double mean, double p50, double p99) =>
        new("Acme.Registry", name, unit, "Histogram", count, mean * count, p50 / 2, p99 * 1.2, p50, p99);

    private static InstrumentSummary Counter(string name, double sum, string unit = "{error}") =>
        new("Acme.Registry", name, unit, "Counter", 1, sum, sum, sum, null, null);

    // A run with the given figures; completed requests are throughput x duration, so that the run's own
    // RequestsPerSecond is the throughput asked for.
    private static RunResult Run(
        double meanMs = 10, double p50 = 10, double p99 = 20, double throughput = 100, long failed = 0, double durationSeconds = 10,
        IReadOnlyList<InstrumentSummary>? whiteBox = null, Dictionary<string, long>? errors = null)
    {
        var completed = (long)Math.Round(throughput * durationSeconds);
        var started = DateTimeOffset.UnixEpoch;
        return new RunResult(
            "run", "test run", new RunEnvironment("host", "os", ".NET", 2, started, started.AddSeconds(durationSeconds)),
            TimeSpan.FromSeconds(durationSeconds), new RunTotals(completed, completed - failed, failed, 0, 0, 0),
            new LatencyStats(completed, 1, meanMs, 1, p50, p50, p50, p99, p99, p99, p99), [], errors ?? [], [], whiteBox ?? [], null, [], 0, string.Empty, false);
    }
}
