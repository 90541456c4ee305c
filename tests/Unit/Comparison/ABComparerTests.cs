using PerfTesting.Comparison;
using PerfTesting.Metrics;

namespace Tests.Unit.Comparison;

public sealed class ABComparerTests
{
    // Per-round multiplicative noise around 1, fixed so the tests are deterministic.
    private static readonly double[] Noise = [1.004, 0.997, 1.002, 0.999, 1.006, 0.995, 1.001, 0.998, 1.003, 0.996, 1.000, 1.005];

    private static IReadOnlyList<ABRound> Rounds(double latencyFactor, double throughputFactor, long requests = 2000, int count = 12) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var a = new ABSample(requests, 20, 30, 40, 1000, 0);
            var n = Noise[i % Noise.Length];
            var b = new ABSample(requests, 20 * latencyFactor * n, 30 * latencyFactor * n, 40 * latencyFactor * n, 1000 * throughputFactor / n, 0);
            return new ABRound(i + 1, i % 2 == 0 ? ABSide.A : ABSide.B, a, b);
        })];

    [Fact]
    public void Compare_TenPercentSlowerB_LatenciesAndThroughputRegressed()
    {
        var metrics = ABComparer.Compare(Rounds(1.10, 1 / 1.10));

        Assert.All(metrics.Where(m => m.Metric != PerfMetric.ErrorRate), m => Assert.Equal(Verdict.Regressed, m.Verdict));
        // Hodges-Lehmann estimate of log(1.1 * noise): the noise is symmetric around 1, so close to +10%.
        Assert.InRange(metrics.First(m => m.Metric == PerfMetric.P50).Change, 0.095, 0.105);
        Assert.InRange(metrics.First(m => m.Metric == PerfMetric.Throughput).Change, -0.095, -0.085);
        Assert.Equal(Verdict.Same, metrics.First(m => m.Metric == PerfMetric.ErrorRate).Verdict);
    }

    [Fact]
    public void Compare_UnchangedB_IsSame_AndSaysWhatItResolves()
    {
        var metrics = ABComparer.Compare(Rounds(1.0, 1.0));

        Assert.All(metrics, m => Assert.Equal(Verdict.Same, m.Verdict));
        Assert.All(metrics.Where(m => m.Metric != PerfMetric.ErrorRate), m => Assert.InRange(m.Resolvable, 0.0001, 0.01));
    }

    [Fact]
    public void Compare_FasterB_IsImproved()
    {
        var metrics = ABComparer.Compare(Rounds(0.85, 1 / 0.85));

        Assert.Equal(Verdict.Improved, metrics.First(m => m.Metric == PerfMetric.P50).Verdict);
        Assert.Equal(Verdict.Improved, metrics.First(m => m.Metric == PerfMetric.Throughput).Verdict);
    }

    [Fact]
    public void Compare_TooFewRounds_IsInconclusiveAndSaysWhy()
    {
        var p50 = ABComparer.CompareMetric(PerfMetric.P50, Rounds(1.5, 1, count: 5), ABOptions.Default);

        Assert.Equal(Verdict.Inconclusive, p50.Verdict);
        Assert.Contains("at least 8", p50.Reason, StringComparison.Ordinal);
        Assert.True(double.IsNaN(p50.Change));
    }

    [Fact]
    public void Compare_RunsTooShortForTheTail_P99InconclusiveButP50Judged()
    {
        // 300 requests per run: p99 would rest on 3 requests (the rule asks for 5, i.e. 500 requests).
        var metrics = ABComparer.Compare(Rounds(1.10, 1 / 1.10, requests: 300));

        Assert.Equal(Verdict.Inconclusive, metrics.First(m => m.Metric == PerfMetric.P99).Verdict);
        Assert.Contains("fewer than 500 requests", metrics.First(m => m.Metric == PerfMetric.P99).Reason, StringComparison.Ordinal);
        Assert.Equal(Verdict.Regressed, metrics.First(m => m.Metric == PerfMetric.P95).Verdict);
    }

    [Fact]
    public void Compare_ErrorsOnlyOnB_ErrorRateRegressedInPercentagePoints()
    {
        var rounds = Rounds(1.0, 1.0).Select(r => r with { B = r.B with { ErrorRate = 0.03 + (r.Index % 3 * 0.001) } }).ToList();

        var errors = ABComparer.Compare(rounds).First(m => m.Metric == PerfMetric.ErrorRate);

        Assert.Equal(Verdict.Regressed, errors.Verdict);
        Assert.InRange(errors.Change, 0.029, 0.033);
    }

    [Fact]
    public void Compare_NoisyRoundsAroundZero_IsInconclusiveNotSame()
    {
        // Swings of +-20% with no direction: the interval straddles zero and reaches past 5%.
        double[] swings = [1.2, 0.8, 1.15, 0.85, 1.1, 0.9, 1.2, 0.82, 1.18, 0.88, 1.05, 0.95];
        var rounds = swings.Select((s, i) => new ABRound(i + 1, ABSide.A, new ABSample(2000, 20, 30, 40, 1000, 0), new ABSample(2000, 20 * s, 30, 40, 1000, 0))).ToList();

        var p50 = ABComparer.CompareMetric(PerfMetric.P50, rounds, ABOptions.Default);

        Assert.Equal(Verdict.Inconclusive, p50.Verdict);
        Assert.True(p50.Resolvable > 0.05);
    }
}
