using PerfTesting.Analysis;
using PerfTesting.Measurement;

namespace Tests.Unit.Analysis;

/// <summary>
/// The resource-cost analyser on the figures of the full-profile track run of 2026-11-24 (issue 16:
/// 100 clients x 40 MiB, 4,194,283,700 bytes per run, process allocations and CPU from
/// artifacts/perf/results.json). Expected values were computed by hand (python3) from those figures.
/// </summary>
public sealed class ResourceCostAnalyserTests
{
    private const long Bytes = 4_194_283_700;

    private static readonly RunResult BaselineS3 = Run("baseline-s3", requests: 100, Bytes, allocated: 5_857_968_504, cpuSeconds: 22.3);
    private static readonly RunResult PostgresStore = Run("postgres-store", requests: 100, Bytes, allocated: 85_822_360, cpuSeconds: 6.8);
    private static readonly RunResult PresignedUrls = Run("presigned-urls", requests: 100, Bytes, allocated: 34_196_552, cpuSeconds: 3.7);

    [Fact]
    public void Cost_IsPerRequestAndPerByte()
    {
        var cost = ResourceCost.Of(BaselineS3)!;

        Assert.Equal(1.396655286813336, cost.AllocatedPerByte, 12);
        Assert.Equal(58_579_685.04, cost.AllocatedPerRequest, 6);
        Assert.Equal(5.316760046536672, cost.CpuSecondsPerGigabyte, 12);
        Assert.Equal(223, cost.CpuMsPerRequest, 9);
    }

    [Fact]
    public void Cost_WithoutProcessFigures_IsNull()
    {
        var run = BaselineS3 with { Process = null };

        Assert.Null(ResourceCost.Of(run));
    }

    [Fact]
    public void TheS3PathOfIssue16_IsNamed_WithTheRatiosToTheCheapestRun()
    {
        var findings = new ResourceCostAnalyser().Analyse([BaselineS3, PostgresStore, PresignedUrls]).ToList();

        // postgres-store spends 2.51x the allocations and 1.84x the CPU of presigned-urls: below both ratios.
        var named = Assert.Single(findings);
        Assert.Equal("baseline-s3", named.RunName);
        Assert.Equal(Severity.Warning, named.Finding.Severity);
        Assert.Contains("allocates 1.4 bytes per byte sent, 171.3x presigned-urls", named.Finding.Title, StringComparison.Ordinal);
        Assert.Contains("uses 5.32 CPU s per GB, 6x presigned-urls", named.Finding.Title, StringComparison.Ordinal);
        Assert.Equal(1 - 1 / 171.30289930984856, named.Finding.Score, 9);
        Assert.Equal(3, named.Finding.Evidence.Count);
        Assert.Contains(named.Finding.Evidence, e => e.StartsWith("postgres-store: 85822360 bytes allocated", StringComparison.Ordinal));
    }

    [Fact]
    public void RunsThatSpendAlike_AreNotNamed()
    {
        // After the fix: the S3 path near PostgreSQL's cost.
        var fixedS3 = Run("baseline-s3", 100, Bytes, allocated: 95_000_000, cpuSeconds: 7.5);

        Assert.Empty(new ResourceCostAnalyser().Analyse([fixedS3, PostgresStore, PresignedUrls]));
    }

    [Fact]
    public void HighRatioButCheapPath_IsNotNamedForAllocations()
    {
        // 10x the cheapest but 0.01 bytes per byte: under the absolute floor, and CPU alike.
        var cheap = Run("cheap", 100, 1_000_000_000, allocated: 1_000_000, cpuSeconds: 1);
        var cheaper = Run("cheaper", 100, 1_000_000_000, allocated: 10_000_000, cpuSeconds: 1);

        Assert.Empty(new ResourceCostAnalyser().Analyse([cheap, cheaper]));
    }

    [Fact]
    public void RunsWithoutBytes_AreComparedPerRequest()
    {
        var lean = Run("lean", requests: 1000, bytes: 0, allocated: 10_000_000, cpuSeconds: 1);
        var heavy = Run("heavy", requests: 1000, bytes: 0, allocated: 80_000_000, cpuSeconds: 1.5);

        var named = Assert.Single(new ResourceCostAnalyser().Analyse([lean, heavy]));

        Assert.Equal("heavy", named.RunName);
        Assert.Contains("allocates 80000 bytes per request, 8x lean", named.Finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void ASingleRun_HasNothingToCompareWith()
    {
        Assert.Empty(new ResourceCostAnalyser().Analyse([BaselineS3]));
    }

    // The process figures as the load runner measures them (RunResult.Process); the rest is filler.
    private static RunResult Run(string name, long requests, long bytes, double allocated, double cpuSeconds) =>
        new(name, "test run", new RunEnvironment("host", "os", ".NET", 2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(10)),
            TimeSpan.FromSeconds(10), new RunTotals(requests, requests, 0, 0, 0, bytes), LatencyStats.Empty, [], new Dictionary<string, long>(), [], [],
            new ProcessMetrics(cpuSeconds, 0, 0, 0, (long)allocated, 0, 0, 0), [], 0, string.Empty, false);

    [Fact]
    public void Cost_WithoutProcessMetrics_ReadsCapturedProcessInstruments()
    {
        var run = BaselineS3 with
        {
            Process = null,
            WhiteBox = [Counter(ResourceCost.AllocatedInstrument, 5_857_968_504, "By"), Counter(CpuSaturationAnalyser.CpuTimeInstrument, 22.3, "s")],
        };

        Assert.Equal(ResourceCost.Of(BaselineS3), ResourceCost.Of(run));
    }

    [Fact]
    public void AsAnAnalyser_ComparesTheInputsRuns()
    {
        var finding = Assert.Single(new ResourceCostAnalyser().Analyse(AnalysisInput.ForRuns([BaselineS3, PostgresStore, PresignedUrls])));

        Assert.StartsWith("baseline-s3 allocates", finding.Title, StringComparison.Ordinal);
        Assert.Empty(new ResourceCostAnalyser().Analyse(AnalysisInput.ForRun(BaselineS3)));
    }

    private static InstrumentSummary Counter(string name, double sum, string unit) => new("process", name, unit, "Counter", 1, sum, sum, sum, null, null);
}
