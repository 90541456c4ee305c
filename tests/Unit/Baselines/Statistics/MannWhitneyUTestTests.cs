using PerfTesting.Baselines.Statistics;

namespace Tests.Unit.Baselines.Statistics;

// Reference values were computed independently in Python 3.11 with a plain rank-based
// implementation (average ranks over the sorted raw values, U = R2 - n2(n2+1)/2, tie-corrected
// variance, continuity correction, p = math.erfc(|z|/sqrt(2))), not with the bucket sweep under test.
public sealed class MannWhitneyUTestTests
{
    [Fact]
    public void Compare_RDocumentationExample_MatchesIndependentValues()
    {
        // The two samples of R's ?wilcox.test example (W = 35 there as well).
        double[] x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
        double[] y = [1.15, 0.88, 0.90, 0.74, 1.21];

        var result = MannWhitneyUTest.Compare(Unweighted(y), Unweighted(x));

        Assert.Equal(35, result.U);
        Assert.Equal(1.1635076278220096, result.Z, 1e-9);
        Assert.Equal(0.24462360512698333, result.PValue, 1e-6);
        Assert.Equal(35.0 / 50, result.ProbabilityCurrentGreater, 1e-12);
    }

    [Fact]
    public void Compare_WithTies_MatchesIndependentValues()
    {
        double[] baseline = [1, 2, 2, 3, 3, 3, 4, 5];
        double[] current = [3, 3, 4, 4, 5, 5, 6, 7, 7];

        var result = MannWhitneyUTest.Compare(Unweighted(baseline), Unweighted(current));

        Assert.Equal(61, result.U);
        Assert.Equal(2.402083018393564, result.Z, 1e-9);
        Assert.Equal(0.01630200829707018, result.PValue, 1e-6);
    }

    [Fact]
    public void Compare_WeightedBuckets_EqualsTheSameValuesListedOneByOne()
    {
        WeightedValue[] baseline = [new(3, 3), new(1, 1), new(2, 2), new(4, 1), new(5, 1)];
        WeightedValue[] current = [new(7, 2), new(3, 2), new(4, 2), new(5, 2), new(6, 1)];

        var weighted = MannWhitneyUTest.Compare(baseline, current);
        var listed = MannWhitneyUTest.Compare(Unweighted([1, 2, 2, 3, 3, 3, 4, 5]), Unweighted([3, 3, 4, 4, 5, 5, 6, 7, 7]));

        Assert.Equal(listed, weighted);
    }

    [Fact]
    public void Compare_IdenticalDistributions_IsNotSignificant()
    {
        var sample = Enumerable.Range(1, 1000).Select(v => new WeightedValue(v, 3)).ToArray();

        var result = MannWhitneyUTest.Compare(sample, sample);

        Assert.Equal(0, result.Z);
        Assert.Equal(1, result.PValue, 1e-12);
        Assert.Equal(0.5, result.ProbabilityCurrentGreater, 1e-12);
    }

    [Fact]
    public void Compare_EveryValueTheSame_HasNoShift()
    {
        var result = MannWhitneyUTest.Compare([new(5, 100)], [new(5, 40)]);

        Assert.Equal(0, result.Z);
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void Compare_CurrentShiftedUp_IsSignificantAndPositive()
    {
        var baseline = Enumerable.Range(100, 200).Select(v => new WeightedValue(v, 5));
        var current = Enumerable.Range(100, 200).Select(v => new WeightedValue(v * 1.2, 5));

        var result = MannWhitneyUTest.Compare(baseline, current);

        Assert.True(result.Z > 0);
        Assert.True(result.PValue < 1e-6);
        Assert.True(result.ProbabilityCurrentGreater > 0.5);
    }

    [Fact]
    public void Compare_EmptySample_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => MannWhitneyUTest.Compare([new(1, 0)], [new(1, 1)]));
    }

    private static IEnumerable<WeightedValue> Unweighted(IEnumerable<double> values) => values.Select(v => new WeightedValue(v, 1));
}
