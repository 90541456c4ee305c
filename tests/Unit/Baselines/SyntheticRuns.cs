using HdrHistogram;
using PerfTesting.Baselines;
using PerfTesting.Measurement;

namespace Tests.Unit.Baselines;

/// <summary>Deterministic synthetic runs: log-normal latencies around a median, like a loopback service.</summary>
internal static class SyntheticRuns
{
    public static readonly EnvironmentFingerprint Here = new("Test CPU @ 2.0GHz", 2, "Linux 6.1", ".NET 10.0.12", "abc");

    public static BaselineSnapshot Snapshot(
        string name = "download",
        double medianMs = 5,
        double tailFactor = 1,
        int requests = 20_000,
        int seed = 1,
        double throughput = 1000,
        long failures = 0,
        EnvironmentFingerprint? environment = null,
        int seconds = 20,
        bool perSecondHistograms = true)
    {
        var random = new Random(seed);
        var histogram = new LongHistogram(1, 3_600_000_000, 3);
        var perSecond = Enumerable.Range(0, seconds).Select(_ => new LongHistogram(1, 3_600_000_000, 3)).ToArray();
        for (var i = 0; i < requests; i++)
        {
            // Box-Muller normal, sigma 0.25 in log space: p99 is about 1.8 x the median.
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var ms = medianMs * Math.Exp(0.25 * normal);
            if (random.NextDouble() < 0.02)
            {
                ms *= tailFactor; // only the slowest 2% change when tailFactor != 1
            }

            histogram.RecordValue((long)(ms * 1000));
            perSecond[i % seconds].RecordValue((long)(ms * 1000)); // requests spread evenly over the run's seconds
        }

        var series = Enumerable.Range(0, seconds).Select(_ => throughput * (1 + (random.NextDouble() - 0.5) * 0.04)).ToArray();
        var summary = new BaselineSummary(requests, failures, seconds, throughput, throughput * 1024, medianMs, medianMs,
            histogram.GetValueAtPercentile(95) / 1000.0, histogram.GetValueAtPercentile(99) / 1000.0, histogram.GetMaxValue() / 1000.0);
        return new BaselineSnapshot(name, DateTimeOffset.UnixEpoch, environment ?? Here, summary, HistogramCodec.Encode(histogram), series)
        {
            SecondHistograms = perSecondHistograms ? [.. perSecond.Select(h => HistogramCodec.Encode(h))] : null,
        };
    }
}
