using PerfTesting.Load;

namespace Tests.Unit.Load;

public sealed class LoadProfileTests
{
    [Fact]
    public void ClosedStages_ClientsAt_FollowsTheStages()
    {
        var spike = LoadProfile.ClosedStages(new(TimeSpan.FromSeconds(10), 10), new(TimeSpan.FromSeconds(5), 100), new(TimeSpan.FromSeconds(10), 10));

        Assert.Equal(10, spike.ClientsAt(TimeSpan.FromSeconds(9.9)));
        Assert.Equal(100, spike.ClientsAt(TimeSpan.FromSeconds(10)));
        Assert.Equal(10, spike.ClientsAt(TimeSpan.FromSeconds(15)));
        Assert.Equal(0, spike.ClientsAt(TimeSpan.FromSeconds(25)));
        Assert.Equal(100, spike.MaxClients);
        Assert.Equal(TimeSpan.FromSeconds(25), spike.Duration);
    }

    [Fact]
    public void Factories_NameTheirMode()
    {
        Assert.IsType<StagedClientsProfile>(LoadProfile.Closed(2, TimeSpan.FromSeconds(1)));
        Assert.Equal(25, Assert.IsType<PerClientIterationsProfile>(LoadProfile.ClosedIterations(4, 25)).IterationsPerClient);
        Assert.Equal(100, Assert.IsType<SharedIterationsProfile>(LoadProfile.ClosedTotal(4, 100)).TotalIterations);
        Assert.IsType<SharedIterationsProfile>(LoadProfile.ClosedTotal(4, 100).WithWarmUp(TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadProfile.ClosedTotal(4, 0));
    }

    [Fact]
    public void Describe_EachShape_SaysWhatItDoes()
    {
        Assert.Equal("closed model: 100 clients for 10 s after 2 s warm-up", LoadProfile.Closed(100, TimeSpan.FromSeconds(10)).WithWarmUp(TimeSpan.FromSeconds(2)).Describe());
        Assert.Equal("closed model: 4 clients x 25 iterations", LoadProfile.ClosedIterations(4, 25).Describe());
        Assert.Equal("closed model: 4 clients, 100 iterations in all", LoadProfile.ClosedTotal(4, 100).Describe());
        Assert.Equal("closed model in stages: 1 clients for 1 s, 10 clients for 2 s", LoadProfile.ClosedStages(new(TimeSpan.FromSeconds(1), 1), new(TimeSpan.FromSeconds(2), 10)).Describe());
        Assert.Equal("open model: 50/s for 3 s, at most 10 in flight", LoadProfile.OpenConstant(50, TimeSpan.FromSeconds(3), 10).Describe());
        Assert.Equal("open model: 10->100/s over 60 s, at most 200 in flight", LoadProfile.OpenRamping(10, 100, TimeSpan.FromMinutes(1), 200).Describe());
    }

    [Fact]
    public void Factories_InvalidValues_FailAtOnce()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadProfile.Closed(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadProfile.Closed(1, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadProfile.ClosedIterations(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadProfile.OpenConstant(-1, TimeSpan.FromSeconds(1), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadProfile.OpenConstant(1, TimeSpan.FromSeconds(1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadProfile.OpenConstant(double.NaN, TimeSpan.FromSeconds(1), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadProfile.Closed(1, TimeSpan.FromSeconds(1)).WithWarmUp(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadProfile.Closed(1, TimeSpan.FromSeconds(1)).WithTimeLimit(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scenario.Create("s", (_, _) => ValueTask.FromResult(StepOutcome.Ok())).WithWeight(0));
    }
}
