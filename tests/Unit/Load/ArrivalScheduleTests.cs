using PerfTesting.Load;

namespace Tests.Unit.Load;

public sealed class ArrivalScheduleTests
{
    [Fact]
    public void Offsets_ConstantRate_AreEvenlySpaced()
    {
        var offsets = ArrivalSchedule.Offsets([new RateStage(TimeSpan.FromSeconds(1), 10, 10)]).ToList();

        Assert.Equal(10, offsets.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i / 10.0), offsets.Select(o => Math.Round(o.TotalSeconds, 9)));
    }

    [Fact]
    public void Offsets_LinearRamp_FollowTheIntegralOfTheRate()
    {
        // 0 -> 10/s over 2 s: N(t) = 2.5 t², so 10 arrivals in all and the k-th at sqrt(k / 2.5).
        var offsets = ArrivalSchedule.Offsets([new RateStage(TimeSpan.FromSeconds(2), 0, 10)]).ToList();

        Assert.Equal(10, offsets.Count);
        for (var k = 1; k <= 10; k++)
        {
            // TimeSpan resolves 100 ns.
            Assert.Equal(Math.Sqrt(k / 2.5), offsets[k - 1].TotalSeconds, 1e-7);
        }
    }

    [Fact]
    public void Offsets_FractionalStages_CarryTheRemainder()
    {
        // 2.5 + 2.5 expected arrivals: 5 in all, none lost at the stage boundary.
        var offsets = ArrivalSchedule.Offsets([new RateStage(TimeSpan.FromSeconds(0.5), 5, 5), new RateStage(TimeSpan.FromSeconds(0.5), 5, 5)]).ToList();

        Assert.Equal(5, offsets.Count);
        Assert.Equal([0.2, 0.4, 0.6, 0.8, 1.0], offsets.Select(o => Math.Round(o.TotalSeconds, 9)));
    }

    [Fact]
    public void Offsets_HighRateLongRun_CountMatchesRateTimesDuration()
    {
        Assert.Equal(600_000, ArrivalSchedule.Offsets([new RateStage(TimeSpan.FromMinutes(1), 10_000, 10_000)]).Count());
    }

    [Fact]
    public void Offsets_ZeroRate_HasNoArrivals()
    {
        Assert.Empty(ArrivalSchedule.Offsets([new RateStage(TimeSpan.FromSeconds(5), 0, 0)]));
    }
}
