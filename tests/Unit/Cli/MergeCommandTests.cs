using PerfTesting.Cli;
using PerfTesting.Cli.Merge;
using PerfTesting.Distribution;
using PerfTesting.Load;
using PerfTesting.Measurement;

namespace Tests.Unit.Cli;

public sealed class MergeCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("perftest-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task WriteAgentsAsync(int count, string testId, params int[] skip)
    {
        var sequence = ExecutionSegmentSequence.Even(count);
        RunEnvironment? window = null;
        for (var i = 0; i < count; i++)
        {
            if (skip.Contains(i))
            {
                continue;
            }

            var agent = new DistributedAgent(i, count, testId, sequence.Segments[i], sequence, null, _root);
            var result = await new LoadRunner(agent.ApplyTo(new LoadRunnerOptions { Name = "run", CaptureProcess = false })).RunAsync(
                LoadProfile.ClosedIterations(8, 5), Scenario.Create("s", (_, _) => ValueTask.FromResult(StepOutcome.Ok())), TestContext.Current.CancellationToken);
            // Real agents run together; these run one after the other in a millisecond each, which the merge
            // would refuse (PartsFit). Each part carries the first one's window, as had they run side by side.
            window ??= result.Environment;
            result = result with { Environment = result.Environment with { StartedAt = window.StartedAt, EndedAt = window.EndedAt } };
            await AgentResultFiles.WriteAsync(AgentResult.Of(agent, [result]), Path.Combine(_root, "in", agent.DirectoryName), TestContext.Current.CancellationToken);
        }
    }

    private async Task<(int Exit, string Out, string Err)> MergeAsync(params string[] sla)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await MergeCommand.RunAsync(Path.Combine(_root, "in"), Path.Combine(_root, "out"), sla, allowPartial: false, null, stdout, stderr, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Merge_AllSegments_WritesReportsAndPassesTheSla()
    {
        await WriteAgentsAsync(4, "t");

        var (exit, output, _) = await MergeAsync("error-rate<1%");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("run: 4 agents, 40 started, 0 failed", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "out", "report.md")));
    }

    [Fact]
    public async Task Merge_SlaBreached_ExitsOne()
    {
        await WriteAgentsAsync(2, "t");
        Assert.Equal(ExitCodes.SlaFailed, (await MergeAsync("throughput>100000000")).Exit);
    }

    [Fact]
    public async Task Merge_MissingSegment_IsRefusedWithTheSegment()
    {
        await WriteAgentsAsync(4, "t", skip: 2);

        var (exit, _, error) = await MergeAsync();

        Assert.Equal(ExitCodes.Refused, exit);
        Assert.Contains("No result for segment(s) 1/2:3/4", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_NothingToMergeOrABadSla_IsRefused()
    {
        Directory.CreateDirectory(Path.Combine(_root, "in"));
        Assert.Contains("no agent wrote its result", (await MergeAsync()).Err, StringComparison.Ordinal);
        await WriteAgentsAsync(1, "t");
        Assert.Equal(ExitCodes.Refused, (await MergeAsync("p99 under 5")).Exit);
    }

    [Fact]
    public async Task CommandLine_ParsesTheVerbs()
    {
        await WriteAgentsAsync(1, "t");
        var exit = await PerftestCommand.Create().Parse(["merge", "--from", Path.Combine(_root, "in"), "--out", Path.Combine(_root, "cli-out")]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Success, exit);
        var report = await PerftestCommand.Create().Parse(["report", "--from", Path.Combine(_root, "cli-out", "results.json"), "--out", Path.Combine(_root, "rendered")]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Success, report);
        Assert.True(File.Exists(Path.Combine(_root, "rendered", "report.html")));
        Assert.Equal(ExitCodes.Refused, await PerftestCommand.Create().Parse(["report", "--from", Path.Combine(_root, "none.json")]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken));
    }
}
