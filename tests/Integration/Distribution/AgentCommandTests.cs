using PerfTesting.Cli;
using PerfTesting.Distribution;
using Tests.Shared;

namespace Tests.Integration.Distribution;

/// <summary>The agent verb in this process (so its code is covered), as a single agent when no agent variables are set.</summary>
public sealed class AgentCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("perftest-agent-verb-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Task<int> InvokeAsync(params string[] args) =>
        PerftestCommand.Create().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Agent_WithoutAgentVariables_RunsTheWholeTestAsOneAgent()
    {
        Assert.Null(DistributedAgent.FromEnvironment());
        await using var target = await StallableTarget.StartAsync(TestContext.Current.CancellationToken);

        var exit = await InvokeAsync("agent", "--url", target.Url.ToString(), "--name", "single", "--rate", "50", "--duration", "1", "--out", _root);

        Assert.Equal(ExitCodes.Success, exit);
        var result = Assert.Single(await AgentResultFiles.ReadAllAsync(_root, TestContext.Current.CancellationToken));
        Assert.Equal("single", result.TestId);
        Assert.Equal("0:1", result.Segment);
        Assert.Equal(50, result.Runs[0].Totals.Started);
        Assert.True(File.Exists(Path.Combine(_root, "agent-0000-of-0001", "histogram.hlog")));
    }

    [Fact]
    public async Task Agent_ClosedModel_RunsForItsDuration()
    {
        await using var target = await StallableTarget.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Success, await InvokeAsync("agent", "--url", target.Url.ToString(), "--clients", "2", "--duration", "0.5", "--out", _root));
        Assert.True(Assert.Single(await AgentResultFiles.ReadAllAsync(_root, TestContext.Current.CancellationToken)).Runs[0].Totals.Started > 0);
    }

    [Theory]
    [InlineData("--url", "ftp://127.0.0.1/", "--rate", "1")]
    [InlineData("--url", "http://127.0.0.1:9/", "--rate", "1", "--clients", "1")]
    public async Task Agent_BadArguments_AreRefused(params string[] args) =>
        Assert.Equal(ExitCodes.Refused, await InvokeAsync(["agent", .. args, "--out", _root]));

    [Fact]
    public async Task Agent_NowhereToWrite_IsRefusedBeforeAnyRequest() =>
        Assert.Equal(ExitCodes.Refused, await InvokeAsync("agent", "--url", "http://127.0.0.1:9/", "--clients", "1"));
}
