using PerfTesting.Comparison;
using HdrHistogram;
using PerfTesting.Baselines;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Model;
using PerfTesting.Metrics;

namespace Tests.Unit.Reporting;

/// <summary>A fixed report with every section filled, so exporter snapshots cover all of it.</summary>
internal static class SampleReports
{
    public static PerfReport TwoRuns()
    {
        var environment = new EnvironmentFingerprint("Test CPU @ 2.0GHz", 2, "Linux 6.1", ".NET 10.0.12", "0123456789abcdef");
        var start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        return new PerfReport("Registry performance", start.AddMinutes(5), environment,
            [Run("download-s3", start, medianMs: 4, slaPassed: true), Run("download | postgres", start.AddMinutes(1), medianMs: 9, slaPassed: false)],
            ["Profile: ci (10 s per run).", "Seeded with 500 models; archive 4 MiB."]);
    }

    private static RunReport Run(string name, DateTimeOffset start, double medianMs, bool slaPassed)
    {
        var whole = new LongHistogram(1, 3_600_000_000, 3);
        var seconds = new List<SecondPoint>();
        for (var second = 0; second < 3; second++)
        {
            var interval = new LongHistogram(1, 3_600_000_000, 3);
            for (var i = 1; i <= 100; i++)
            {
                var micros = (long)(medianMs * 1000 * (0.5 + i / 100.0) * (1 + second * 0.1));
                interval.RecordValue(micros);
                whole.RecordValue(micros);
            }

            seconds.Add(new SecondPoint(second, 100, second, 100 * 4096, interval.GetValueAtPercentile(50) / 1000.0, interval.GetValueAtPercentile(99) / 1000.0, HistogramCodec.Encode(interval)));
        }

        double Ms(double p) => whole.GetValueAtPercentile(p) / 1000.0;
        var baseline = new BaselineReport(BaselineStatus.Compared, Verdict.Regressed, null,
        [
            new MetricComparison(PerfMetric.P50, medianMs / 1.2, Ms(50), 0.2, 0.1, 0.00001, "exceedance z-test", Verdict.Regressed),
            new MetricComparison(PerfMetric.Throughput, 100, 98, -0.02, 0.1, 0.4, "Mann-Whitney U (per second)", Verdict.Same),
            new MetricComparison(PerfMetric.ErrorRate, 0, 0.01, 0.01, 0.01, 0.08, "two-proportion z-test", Verdict.Same),
        ]);
        return new RunReport(
            name,
            "100 clients, closed model, 3 s",
            start,
            3,
            new RequestTotals(300, 297, 3, 0, 300 * 4096),
            100,
            409_600,
            new LatencySummary(Ms(0), whole.GetMean() / 1000, whole.GetStdDeviation() / 1000, Ms(50), Ms(75), Ms(90), Ms(95), Ms(99), Ms(99.9), Ms(100)),
            [.. new[] { 0, 50, 90, 99, 99.9, 100 }.Select(p => new PercentilePoint(p, Ms(p)))],
            seconds,
            new Dictionary<string, long> { ["status 503"] = 2, ["timeout"] = 1 },
            [new SlaLineReport("p99 latency below 12 ms", "12 ms", PerfTesting.Reporting.Exporters.ReportFormat.Ms(Ms(99)), slaPassed), new SlaLineReport("error rate below 5%", "5%", "1%", true)],
            baseline,
            [new InstrumentReport("Acme.Registry", "registry.storage.read.duration", "ms", "Histogram", 300, 900, 3, 2.5, 8.25, 9.5)],
            [new FindingReport("Warning", "Storage reads take 75% of request time", ["storage read mean 3 ms of request mean 4 ms"])],
            HistogramCodec.Encode(whole))
        {
            // Two scenarios that add up to the run: 200 downloads and 100 metadata reads.
            Scenarios =
            [
                new ScenarioReport("download", new RequestTotals(200, 198, 2, 0, 200 * 4096), 200 / 3.0,
                    new LatencySummary(Ms(0), medianMs * 1.1, 1, medianMs * 1.1, Ms(75), Ms(90), Ms(95), Ms(99), Ms(99.9), Ms(100)), new Dictionary<string, long> { ["status 503"] = 2 })
                {
                    Steps =
                    [
                        new ScenarioReport("lookup", new RequestTotals(200, 200, 0, 0, 0), 200 / 3.0,
                            new LatencySummary(0.5, 1, 0.2, 1, 1.1, 1.2, 1.3, 1.5, 1.9, 2), new Dictionary<string, long>()),
                    ],
                },
                new ScenarioReport("metadata", new RequestTotals(100, 99, 1, 0, 0), 100 / 3.0,
                    new LatencySummary(Ms(0), medianMs * 0.8, 1, medianMs * 0.8, Ms(75), Ms(90), Ms(95), Ms(97), Ms(99), Ms(99.9)), new Dictionary<string, long> { ["timeout"] = 1 }),
            ],
        };
    }
}
