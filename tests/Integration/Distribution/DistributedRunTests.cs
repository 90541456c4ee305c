using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Fixtures;
using PerfTesting.Distribution;
using PerfTesting.Distribution.Fit;
using Tests.Shared;

namespace Tests.Integration.Distribution;

/// <summary>
/// A test run as agent processes on this machine, each started with the environment a pod of an
/// Indexed Job gets, against a loopback target; their results merged as `perftest merge` does.
/// </summary>
public sealed class DistributedRunTests(BackingServicesFixture fixture) : IDisposable
{
    private const int Rate = 200;
    private const int Seconds = 3;

    // Four `dotnet` processes starting at once on two busy cores take a few seconds.
    private static readonly TimeSpan StartupAllowance = TimeSpan.FromSeconds(6);

    private readonly string _root = Directory.CreateTempSubdirectory("perftest-distributed-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // One second of warm-up at the same rate: a fresh process's first requests (JIT, new connections) are not measured.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    private static string[] OpenModel => ["--name", "open", "--rate", $"{Rate}", "--duration", $"{Seconds}", "--warm-up", $"{WarmUp.TotalSeconds}", "--raw-samples", "100000", "--max-in-flight", "2000"];

    private async Task<MergedResult> RunOpenAsync(StallableTarget target, int agents, string testId, TimeSpan? stallAfter = null)
    {
        var start = DateTimeOffset.UtcNow + StartupAllowance;
        if (stallAfter is { } after)
        {
            target.StallAt(start + WarmUp + after, TimeSpan.FromSeconds(1));
        }

        var results = Path.Combine(_root, testId);
        await AgentProcesses.RunAsync(Enumerable.Range(0, agents), agents, testId, start, results, [.. OpenModel, "--url", target.Url.ToString()],
            cancellationToken: TestContext.Current.CancellationToken);
        return ResultMerger.Merge(await AgentResultFiles.ReadAllAsync(results, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OpenModel_FourAgents_StartExactlyRateTimesDuration_PercentilesOfTheUnionOfRawSamples()
    {
        await using var target = await StallableTarget.StartAsync(TestContext.Current.CancellationToken);

        var merged = await RunOpenAsync(target, 4, "open-4");

        var run = Assert.Single(merged.Runs);
        Assert.Equal(Rate * Seconds, run.Merged.Totals.Started + run.Merged.Totals.Dropped);
        Assert.Equal(Rate * Seconds, run.Merged.Totals.Started);
        Assert.Equal(Rate * Seconds, run.Merged.Totals.Succeeded);
        Assert.All(run.Agents, a => Assert.Equal(Rate * Seconds / 4, a.Result.Totals.Started));

        // Against the exact order statistics of every raw sample of every agent: within the histogram's
        // resolution (3 significant digits: 0.1%, plus the 1 µs of rounding to whole microseconds).
        var samples = run.Agents.SelectMany(a => a.Result.RawSamples).Select(s => s.LatencyMs).Order().ToList();
        Assert.Equal(Rate * Seconds, samples.Count);
        // The rank is HdrHistogram's: p x n rounded to the nearest whole sample.
        AssertWithinResolution(samples[(int)((0.50 * samples.Count) + 0.5) - 1], run.Merged.Latency.P50);
        AssertWithinResolution(samples[(int)((0.99 * samples.Count) + 0.5) - 1], run.Merged.Latency.P99);
        AssertWithinResolution(samples[^1], run.Merged.Latency.Max);
        Assert.Equal(Rate * Seconds, run.Merged.Series.Sum(s => s.Requests));
    }

    [Fact]
    public async Task OpenModel_StallOfOneSecond_ShowsInTheMergedP99AsInASingleAgentRun()
    {
        await using var target = await StallableTarget.StartAsync(TestContext.Current.CancellationToken);

        var single = Assert.Single((await RunOpenAsync(target, 1, "stall-1", stallAfter: TimeSpan.FromSeconds(1))).Runs).Merged;
        var merged = Assert.Single((await RunOpenAsync(target, 4, "stall-4", stallAfter: TimeSpan.FromSeconds(1))).Runs).Merged;
        TestContext.Current.TestOutputHelper?.WriteLine($"p99 single {single.Latency.P99} ms, merged {merged.Latency.P99} ms; max {single.Latency.Max} / {merged.Latency.Max} ms");

        // A third of the arrivals fall in the stalled second and wait up to its end; measured from their
        // intended starts, the slowest 1% waited nearly the whole second, on one agent or on four (about
        // 985 ms and 991 ms on a quiet machine). A merge that lost the stall (per-agent p99s averaged,
        // seconds misaligned) would be far below the lower bounds. A busy machine only adds latency, on
        // one agent and on four differently (2.3 s merged against 1.0 s single at load average 60), so
        // there are no upper bounds in time: that the merge adds nothing is checked exactly instead,
        // against the order statistics of the union of the agents' raw samples.
        Assert.True(single.Latency.P99 >= 800, $"single-agent p99 {single.Latency.P99} ms: the stall is missing");
        Assert.True(merged.Latency.P99 >= 800, $"merged p99 {merged.Latency.P99} ms: the stall is missing");
        Assert.True(merged.Latency.Max >= 900, $"merged max {merged.Latency.Max} ms: the stall is missing");
        var samples = merged.RawSamples.Select(s => s.LatencyMs).Order().ToList();
        Assert.Equal(Rate * Seconds, samples.Count);
        AssertWithinResolution(samples[(int)((0.99 * samples.Count) + 0.5) - 1], merged.Latency.P99);
        AssertWithinResolution(samples[^1], merged.Latency.Max);
        Assert.Equal(Rate * Seconds, merged.Totals.Started);
    }

    [Fact]
    public async Task ClosedModel_HundredAndOneClientsOverFourAgents_AllHundredAndOneRan()
    {
        await using var target = await StallableTarget.StartAsync(TestContext.Current.CancellationToken);
        var results = Path.Combine(_root, "closed");

        await AgentProcesses.RunAsync(Enumerable.Range(0, 4), 4, "closed-101", DateTimeOffset.UtcNow + StartupAllowance, results,
            ["--name", "closed", "--clients", "101", "--iterations", "3", "--raw-samples", "10000", "--url", target.Url.ToString()],
            cancellationToken: TestContext.Current.CancellationToken);
        // Runs of a few milliseconds: an agent process that started after the others finished (a busy machine)
        // is a misfit the merge would refuse; the client split is what this test checks.
        var checks = new MergeChecks { MergeMisfits = true };
        var run = Assert.Single(ResultMerger.Merge(await AgentResultFiles.ReadAllAsync(results, TestContext.Current.CancellationToken), checks: checks).Runs);

        Assert.Equal([26L, 25, 25, 25], run.Agents.Select(a => a.Result.RawSamples.Select(s => s.ClientId).Distinct().LongCount()));
        Assert.Equal(Enumerable.Range(0, 101), run.Merged.RawSamples.Select(s => s.ClientId).Distinct().Order());
        Assert.Equal(303, run.Merged.Totals.Started);
    }

    [Fact]
    public async Task S3Prefix_AgentsWriteAndMergeReads_AMissingSegmentIsRefusedUntilItsAgentRan()
    {
        var services = await fixture.GetDefaultAsync(TestContext.Current.CancellationToken);
        var s3Endpoint = services.Endpoints.S3;
        var bucket = "perftest-" + Guid.NewGuid().ToString("N")[..12];
        using (var s3 = AwsClientFactory.CreateS3Client(s3Endpoint))
        {
            await s3.PutBucketAsync(bucket, TestContext.Current.CancellationToken);
        }

        var environment = new Dictionary<string, string>
        {
            ["PERF_S3_URL"] = s3Endpoint.ServiceUrl?.ToString() ?? string.Empty,
            ["PERF_EMULATOR"] = s3Endpoint.IsEmulator ? "1" : "0",
            ["AWS_REGION"] = s3Endpoint.Region,
            ["AWS_ACCESS_KEY_ID"] = s3Endpoint.Credentials?.AccessKey ?? string.Empty,
            ["AWS_SECRET_ACCESS_KEY"] = s3Endpoint.Credentials?.SecretKey ?? string.Empty,
        };
        await using var target = await StallableTarget.StartAsync(TestContext.Current.CancellationToken);
        var prefix = $"s3://{bucket}/runs/closed-8";
        string[] closed = ["--name", "closed", "--clients", "8", "--iterations", "5", "--url", target.Url.ToString()];

        await AgentProcesses.RunAsync([0, 1, 3], 4, "s3-closed", null, prefix, closed, environment, TestContext.Current.CancellationToken);
        var output = Path.Combine(_root, "merged");
        string[] merge = ["merge", "--from", prefix, "--out", output, "--sla", "error-rate<1%"];
        var (refused, refusal) = await AgentProcesses.RunCliAsync(merge, environment, TestContext.Current.CancellationToken);

        Assert.Equal(2, refused);
        Assert.Contains("No result for segment(s) 1/2:3/4", refusal, StringComparison.Ordinal);

        // The missing agent run afterwards ran alone, not with the others: the merge refuses it as a misfit,
        // and merges it when told to, the reason heading the output.
        await AgentProcesses.RunAsync([2], 4, "s3-closed", null, prefix, closed, environment, TestContext.Current.CancellationToken);
        var (misfit, reason) = await AgentProcesses.RunCliAsync(merge, environment, TestContext.Current.CancellationToken);
        var (exit, summary) = await AgentProcesses.RunCliAsync([.. merge, "--merge-misfits"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(2, misfit);
        Assert.Contains("ran one after the other", reason, StringComparison.Ordinal);
        Assert.True(exit == 0, summary);
        Assert.StartsWith("MERGE WARNING: ", summary, StringComparison.Ordinal);
        Assert.Contains("closed: 4 agents, 40 started, 0 failed", summary, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.True(File.Exists(Path.Combine(output, "histogram.hlog")));
    }

    private static void AssertWithinResolution(double exactMs, double mergedMs) =>
        Assert.InRange(mergedMs, (exactMs * 0.999) - 0.001, (exactMs * 1.001) + 0.001);
}
