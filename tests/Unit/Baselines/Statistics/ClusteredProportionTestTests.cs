using PerfTesting.Baselines.Statistics;

namespace Tests.Unit.Baselines.Statistics;

public sealed class ClusteredProportionTestTests
{
    [Fact]
    public void OneBlockEach_IsThePlainPooledTwoProportionTest()
    {
        var clustered = ClusteredProportionTest.Compare([(50, 1000)], [(80, 1000)]);
        var plain = TwoProportionTest.Compare(50, 1000, 80, 1000);

        Assert.Equal(plain.Z, clustered.Z, 12);
        Assert.Equal(plain.PValue, clustered.PValue, 12);
    }

    [Fact]
    public void HitsSpreadEvenlyOverSeconds_KeepTheBinomialVariance()
    {
        // 10 seconds x 100 requests: 5 vs 8 hits in every second, a uniform 3-point shift.
        var baseline = Enumerable.Repeat((5L, 100L), 10).ToList();
        var current = Enumerable.Repeat((8L, 100L), 10).ToList();

        var (z, p) = ClusteredProportionTest.Compare(baseline, current);

        Assert.Equal(TwoProportionTest.Compare(50, 1000, 80, 1000).Z, z, 12);
        Assert.True(p < 0.01);
    }

    [Fact]
    public void HitsBunchedInOneSecond_AreNotSignificant()
    {
        // The same totals, but the current run's extra hits all fall in one stalled second:
        // one event, not thirty independent requests.
        var baseline = Enumerable.Repeat((5L, 100L), 10).ToList();
        var current = Enumerable.Repeat((5L, 100L), 9).Append((35L, 100L)).ToList();

        var (_, clusteredP) = ClusteredProportionTest.Compare(baseline, current);
        var (_, plainP) = TwoProportionTest.Compare(50, 1000, 80, 1000);

        Assert.True(plainP < 0.01, "the plain test calls the stall significant");
        Assert.True(clusteredP > 0.05, $"the clustered test does not (p = {clusteredP})");
    }

    [Fact]
    public void InvalidBlocks_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => ClusteredProportionTest.Compare([(5, 4)], [(1, 10)]));
        Assert.Throws<ArgumentException>(() => ClusteredProportionTest.Compare([(0, 0)], [(1, 10)]));
    }
}
