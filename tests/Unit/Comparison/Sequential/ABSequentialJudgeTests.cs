using PerfTesting.Comparison;
using PerfTesting.Comparison.Sequential;
using PerfTesting.Metrics;

namespace Tests.Unit.Comparison.Sequential;

/// <summary>
/// The error rate under repeated looks, measured on simulated A/A comparisons (B unchanged, seeded noise):
/// how often a sequence of looks ever reports a change (Regressed or Improved at a tolerance so small that
/// any interval excluding zero counts). With the level split over the looks it stays within the promised
/// alpha; looking at the unsplit level every time does not.
/// </summary>
public sealed class ABSequentialJudgeTests
{
    private const int Sequences = 300;
    private static readonly ABOptions Promised = new() { ConfidenceLevel = 0.90, Tolerance = 0.0001 };
    private static readonly ABSequentialOptions FourLooks = new() { FirstLookRounds = 10, RoundsPerLook = 10, MaximumLooks = 4, GatedMetrics = [PerfMetric.P50] };

    private static List<ABRound> AaRounds(Random random, int count) =>
        [.. Enumerable.Range(1, count).Select(i =>
        {
            ABSample Side() => new(2000, 10 * Math.Exp(0.05 * Normal(random)), 20, 40, 1000, 0);
            return new ABRound(i, i % 2 == 0 ? ABSide.A : ABSide.B, Side(), Side());
        })];

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double FalseChangeRate(Func<IReadOnlyList<ABRound>, Verdict> judge)
    {
        var random = new Random(2026);
        var falseChanges = 0;
        for (var s = 0; s < Sequences; s++)
        {
            var rounds = AaRounds(random, FourLooks.MaximumRounds);
            for (var look = 1; look <= FourLooks.MaximumLooks; look++)
            {
                var verdict = judge(rounds.Take(FourLooks.FirstLookRounds + ((look - 1) * FourLooks.RoundsPerLook)).ToList());
                if (verdict is Verdict.Regressed or Verdict.Improved)
                {
                    falseChanges++;
                    break;
                }
            }
        }

        return (double)falseChanges / Sequences;
    }

    [Fact]
    public void Looks_SplitLevel_KeepTheFalseChangeRateWithinThePromisedAlpha_WhereTheUnsplitLevelDoesNot()
    {
        // The rule ABSequentialJudge.Look applies to each metric, on p50 alone (the simulation judges thousands of looks).
        var atLook = Promised with { ConfidenceLevel = FourLooks.PerLookConfidence(Promised.ConfidenceLevel) };
        var split = FalseChangeRate(rounds => ABComparer.CompareMetric(PerfMetric.P50, rounds, atLook).Verdict);
        var naive = FalseChangeRate(rounds => ABComparer.CompareMetric(PerfMetric.P50, rounds, Promised).Verdict);

        // Promised: 90%, so at most 10% of A/A sequences may ever report a change (the union bound is conservative).
        Assert.InRange(split, 0, 0.10);
        Assert.True(naive > 0.10, $"looking four times at an unsplit 90% reported a change in {naive:P1} of A/A sequences (split: {split:P1})");
    }

    [Fact]
    public void Look_ClearRegressionOnTheGatedMetric_StopsAsRegressed()
    {
        var rounds = AaRounds(new Random(4), 10).Select(r => r with { B = r.B with { P50 = r.B.P50 * 1.5 } }).ToList();

        var (metrics, stop) = ABSequentialJudge.Look(rounds, Promised, FourLooks);

        Assert.Equal(ABStopReason.Regressed, stop);
        Assert.Equal(Verdict.Regressed, metrics.Single(m => m.Metric == PerfMetric.P50).Verdict);
    }

    [Fact]
    public void Look_PerLookConfidence_IsThePromisedAlphaSplitOverTheLooks()
    {
        Assert.Equal(0.99875, ABSequentialOptions.Default.PerLookConfidence(0.99), 10);
        Assert.Equal(0.975, FourLooks.PerLookConfidence(0.90), 10);
    }

    [Fact]
    public void Conclude_DecidedStop_LeavesTheReasonsAlone()
    {
        var rounds = AaRounds(new Random(1), 10);
        var (metrics, _) = ABSequentialJudge.Look(rounds, Promised, FourLooks);

        Assert.Same(metrics, ABSequentialJudge.Conclude(metrics, ABStopReason.Decided, 10, FourLooks));
    }
}
