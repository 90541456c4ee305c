using PerfTesting.History.ChangePoints;

namespace Tests.Unit.History;

public sealed class EDivisiveMeansTests
{
    [Fact]
    public void QHat_MatchesTheDefinitionSummedPairByPair()
    {
        // Matteson and James' Q̂ written out from its definition (double loops), independent of the prefix table.
        double[] window = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
        var distances = new PairDistances(window);
        for (var tau = 1; tau < window.Length; tau++)
        {
            for (var kappa = tau + 1; kappa <= window.Length; kappa++)
            {
                Assert.Equal(QHatByDefinition(window, 0, tau, kappa), distances.QHat(0, tau, kappa), 9);
            }
        }
    }

    [Fact]
    public void StudentTTest_MatchesScipy()
    {
        // scipy.stats.ttest_ind([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]): statistic -5.0, pvalue 0.001052825793366539;
        // checked here by integrating the t(8) density from 5 to 2000 (Simpson, 2e6 steps): 2 x 0.00052641 = 0.0010528258.
        var p = StudentTTest.PValue(SegmentSummary.Of([1, 2, 3, 4, 5], 0, 5), SegmentSummary.Of([6, 7, 8, 9, 10], 0, 5));

        Assert.Equal(0.001052825793366539, p, 9);
    }

    [Fact]
    public void SegmentSummary_HasTheSampleVariance()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares 32, sample variance 32 / 7.
        var summary = SegmentSummary.Of([2, 4, 4, 4, 5, 5, 7, 9], 0, 8);

        Assert.Equal(5, summary.Mean, 12);
        Assert.Equal(32.0 / 7, summary.Variance, 12);
    }

    [Fact]
    public void Detect_FindsAStepWhereItIs()
    {
        var series = Noisy(80, seed: 7, step: 0.10, at: 50);

        var points = new EDivisiveMeans().Detect(series);

        Assert.Equal([50], points);
    }

    [Fact]
    public void Detect_FindsTwoStepsInALongSeries()
    {
        var series = Noisy(150, seed: 11, step: 0.10, at: 40).Select((v, i) => i >= 100 ? v * 0.85 : v).ToArray();

        var points = new EDivisiveMeans().Detect(series);

        Assert.Equal([40, 100], points);
    }

    [Fact]
    public void Detect_ReportsNothingOnNoiseWithALoneSlowRunAtTheEnd()
    {
        var series = Noisy(60, seed: 3);
        series[^1] *= 1.5;

        Assert.Empty(new EDivisiveMeans().Detect(series));
    }

    [Fact]
    public void Detect_NeedsTheMinimumSegmentAfterAStep()
    {
        // Two new points: no change point may leave fewer than three runs after it (so never at 60 or 61).
        var early = new EDivisiveMeans().Detect(Noisy(62, seed: 5, step: 0.2, at: 60));

        Assert.All(early, p => Assert.True(p <= 59, $"change point at {p} leaves {62 - p} runs after it"));
        Assert.Equal([60], new EDivisiveMeans().Detect(Noisy(63, seed: 5, step: 0.2, at: 60)));
    }

    [Fact]
    public void Options_OutOfRange_AreRefusedEarly()
    {
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new EDivisiveMeans(new EDivisiveOptions { MaxPValue = 0.9 }));
    }

    [Fact]
    public void OutlierClipping_PullsInALoneSpike_AndKeepsAStep()
    {
        double[] series = [100, 101, 99, 100, 180, 100, 101, 99, 100, 120, 121, 119, 120, 121, 120];

        var clipped = OutlierClipping.Apply(series);

        Assert.InRange(clipped[4], 100, 110);
        Assert.Equal(series[^1], clipped[^1]);
        Assert.Equal(series[11], clipped[11]);
    }

    private static double QHatByDefinition(double[] z, int start, int tau, int kappa)
    {
        var x = z[start..tau];
        var y = z[tau..kappa];
        int n = x.Length, m = y.Length;
        double cross = 0, withinX = 0, withinY = 0;
        foreach (var a in x)
        {
            foreach (var b in y)
            {
                cross += Math.Abs(a - b);
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var k = i + 1; k < n; k++)
            {
                withinX += Math.Abs(x[i] - x[k]);
            }
        }

        for (var j = 0; j < m; j++)
        {
            for (var k = j + 1; k < m; k++)
            {
                withinY += Math.Abs(y[j] - y[k]);
            }
        }

        var total = n + m;
        return 2.0 / total * cross
            - (n > 1 ? 2.0 * m / total / (n - 1) * withinX : 0)
            - (m > 1 ? 2.0 * n / total / (m - 1) * withinY : 0);
    }

    /// <summary>Level 100 with 1% Gaussian noise, raised by <paramref name="step"/> from <paramref name="at"/> on.</summary>
    internal static double[] Noisy(int length, int seed, double step = 0, int at = int.MaxValue)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(i =>
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return 100 * (i >= at ? 1 + step : 1) * (1 + 0.01 * gaussian);
        })];
    }
}
