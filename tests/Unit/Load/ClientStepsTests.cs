using PerfTesting.Load;

namespace Tests.Unit.Load;

/// <summary>The one validation of client counts shared by ConcurrencySweep and StressSearch.</summary>
public sealed class ClientStepsTests
{
    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 5 })]
    [InlineData(new[] { 5, 5 })]
    [InlineData(new[] { 10, 5 })]
    public void Validate_EmptyNonPositiveOrNotIncreasing_IsRejectedWithTheCallersParameter(int[] clients)
    {
        var error = Assert.Throws<ArgumentException>(() => ClientSteps.Validate(clients, "clients"));

        Assert.Equal("clients", error.ParamName);
    }

    [Fact]
    public void Validate_PositiveIncreasing_IsAccepted()
    {
        ClientSteps.Validate([1, 5, 10], "clients");
        Assert.Throws<ArgumentNullException>(() => ClientSteps.Validate(null!, "clients"));
    }

    [Fact]
    public async Task SweepAndStress_RejectTheSameCountsBeforeRunningAnything()
    {
        var runner = new LoadRunner(new LoadRunnerOptions { Name = "never-runs" });
        var scenario = Scenario.Create("none", (_, _) => throw new InvalidOperationException("no step may run"));
        var sla = PerfTesting.Assertions.Sla.Define().ErrorRate(below: 0.5).Build();
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ArgumentException>(() => ConcurrencySweep.RunAsync(runner, [scenario], TimeSpan.FromSeconds(1), [3, 2], cancellationToken: ct));
        await Assert.ThrowsAsync<ArgumentException>(() => StressSearch.RunAsync(runner, [3, 2], TimeSpan.FromSeconds(1), [scenario], sla, ct));
    }
}
