using PerfTesting.Baselines.Statistics;

namespace Tests.Unit.Baselines.Statistics;

// Reference values computed independently in Python 3.11 (pooled z-test, p = math.erfc(|z|/sqrt(2))).
public sealed class TwoProportionTestTests
{
    [Fact]
    public void Compare_MoreFailuresNow_MatchesIndependentValues()
    {
        var (z, p) = TwoProportionTest.Compare(10, 1000, 25, 1000);

        Assert.Equal(2.557943557892809, z, 1e-9);
        Assert.Equal(0.010529318065282936, p, 1e-6);
    }

    [Fact]
    public void Compare_NoFailuresAnywhere_IsNotSignificant()
    {
        Assert.Equal((0d, 1d), TwoProportionTest.Compare(0, 500, 0, 800));
    }

    [Theory]
    [InlineData(0, 0, 0, 10)]
    [InlineData(11, 10, 0, 10)]
    [InlineData(-1, 10, 0, 10)]
    public void Compare_ImpossibleCounts_AreRejected(long f1, long n1, long f2, long n2)
    {
        Assert.Throws<ArgumentException>(() => TwoProportionTest.Compare(f1, n1, f2, n2));
    }

    [Theory]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(-1.3, 1.9340079449406524)]
    [InlineData(2.2, 0.0018628462979818894)]
    public void NormalDistribution_Erfc_MatchesPythonMathErfc(double x, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Erfc(x), 1e-7);
    }

    [Fact]
    public void NormalDistribution_UpperTail_IsHalfAtZero()
    {
        Assert.Equal(0.5, NormalDistribution.UpperTail(0), 1e-7);
    }
}
