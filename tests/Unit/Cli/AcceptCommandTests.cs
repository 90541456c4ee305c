using PerfTesting.Baselines;
using PerfTesting.Cli.Accept;
using Tests.Unit.Baselines;

namespace Tests.Unit.Cli;

public sealed class AcceptCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("perftest-accept-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AcceptAsync_ProjectFolder_AcceptsReceivedBaselinesInEveryFolderBelowIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = new BaselineStore(Path.Combine(_root, "MyTests", "Baselines"));
        var second = new BaselineStore(Path.Combine(_root, "MyTests", "Nested", "Baselines"));
        var underBin = new BaselineStore(Path.Combine(_root, "MyTests", "bin", "Debug", "Baselines"));
        await first.WriteReceivedAsync(SyntheticRuns.Snapshot(name: "home"), ct);
        await second.WriteReceivedAsync(SyntheticRuns.Snapshot(name: "search"), ct);
        await underBin.WriteReceivedAsync(SyntheticRuns.Snapshot(name: "stale"), ct);
        var snapshot = Path.Combine(_root, "MyTests", "Approved", "results.received.json");
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        await File.WriteAllTextAsync(snapshot, "{\"schema\":\"perftesting.report/v1\"}", ct);

        var accepted = await AcceptCommand.AcceptAsync([Path.Combine(_root, "MyTests")], ct);

        Assert.Equal([first.BaselinePath("home"), second.BaselinePath("search")], accepted.Order(StringComparer.Ordinal));
        Assert.NotNull(await first.LoadAsync("home", ct));
        Assert.NotNull(await second.LoadAsync("search", ct));
        Assert.True(File.Exists(underBin.ReceivedPath("stale")), "bin/ is not searched");
        Assert.True(File.Exists(snapshot), "a received file that is not a baseline stays");
    }

    [Fact]
    public async Task AcceptAsync_NothingReceived_AcceptsNothing()
    {
        Assert.Empty(await AcceptCommand.AcceptAsync([_root], TestContext.Current.CancellationToken));
    }
}
