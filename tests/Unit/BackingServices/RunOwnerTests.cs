using System.Diagnostics;
using System.Globalization;
using PerfTesting.BackingServices.Containers;

namespace Tests.Unit.BackingServices;

public sealed class RunOwnerTests
{
    [Fact]
    public void IsGone_ThisProcessOwnsTheContainer_IsFalse()
    {
        Assert.False(RunOwner.IsGone(RunOwner.Labels.ToDictionary()));
    }

    [Fact]
    public async Task IsGone_OwnerHasExited_IsTrue()
    {
        var labels = RunOwner.Labels.ToDictionary();
        labels[RunOwner.PidLabel] = (await ExitedProcessIdAsync()).ToString(CultureInfo.InvariantCulture);

        Assert.True(RunOwner.IsGone(labels));
    }

    [Fact]
    public void IsGone_ProcessIdReusedByALaterProcess_IsTrue()
    {
        var labels = RunOwner.Labels.ToDictionary();
        labels[RunOwner.StartedLabel] = DateTime.UtcNow.AddDays(-3).Ticks.ToString(CultureInfo.InvariantCulture);

        Assert.True(RunOwner.IsGone(labels));
    }

    [Fact]
    public async Task IsGone_OwnerOnAnotherMachine_IsNeverJudged()
    {
        var labels = RunOwner.Labels.ToDictionary();
        labels[RunOwner.PidLabel] = (await ExitedProcessIdAsync()).ToString(CultureInfo.InvariantCulture);
        labels[RunOwner.HostLabel] = "another-" + System.Environment.MachineName;

        Assert.False(RunOwner.IsGone(labels));
    }

    [Fact]
    public void IsGone_ContainerWithoutOwnerLabels_IsNeverJudged()
    {
        Assert.False(RunOwner.IsGone(new Dictionary<string, string> { ["org.testcontainers"] = "true" }));
    }

    [Fact]
    public void Labels_NameThisProcessAndARun()
    {
        Assert.Equal(System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture), RunOwner.Labels[RunOwner.PidLabel]);
        Assert.Equal(32, RunOwner.Labels[RunOwner.RunLabel].Length);
    }

    // A real process that has ended: its id is free (until the kernel wraps around, far beyond a test's span).
    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return process.Id;
    }
}
