namespace Tests.Perf.Track.Rounds;

public sealed class RoundsBudgetTests
{
    private static readonly RoundsBudget Budget = new(TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(60), Planned: 9);

    [Fact]
    public void First_GetsTheMaximum_WhenTheOthersMinimumsStillFit() =>
        Assert.Equal(TimeSpan.FromSeconds(60), Budget.Next(0, TimeSpan.Zero));

    [Fact]
    public void Later_GetsWhatIsLeftLessTheMinimumOfEachComparisonAfterIt() =>
        Assert.Equal(TimeSpan.FromSeconds(300 - 230 - 25), Budget.Next(7, TimeSpan.FromSeconds(230)));

    [Fact]
    public void Overspent_StillGetsOneLook() =>
        Assert.Equal(TimeSpan.FromSeconds(25), Budget.Next(8, TimeSpan.FromSeconds(400)));

    [Fact]
    public void Last_MayUseEverythingLeftUpToTheMaximum() =>
        Assert.Equal(TimeSpan.FromSeconds(45), Budget.Next(8, TimeSpan.FromSeconds(255)));

    [Fact]
    public void AControl_MayGetMoreThanTheUsualMaximum_WhenTheOthersStillFit() =>
        Assert.Equal(TimeSpan.FromSeconds(80), Budget.Next(0, TimeSpan.Zero, TimeSpan.FromSeconds(80)));
}
