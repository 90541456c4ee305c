using System.CommandLine;
using System.Globalization;
using PerfTesting.Cli.Storage;
using PerfTesting.Distribution;
using PerfTesting.Load;

namespace PerfTesting.Cli.Agent;

/// <summary>
/// <c>perftest agent</c>: one agent of a distributed HTTP GET test. Its place comes from the
/// environment (<see cref="DistributedAgent"/>: PERF_AGENT_INDEX or JOB_COMPLETION_INDEX,
/// PERF_AGENT_COUNT, PERF_TEST_ID, PERF_START_AT, PERF_RESULTS), so one command line serves every
/// pod of an Indexed Job or every job of a matrix.
/// </summary>
public static class AgentCommand
{
    /// <summary>The verb.</summary>
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The URL each request GETs.", Required = true };
        var name = new Option<string>("--name") { Description = "The run's name in the results.", DefaultValueFactory = _ => "run" };
        var rate = new Option<double?>("--rate") { Description = "Open model: arrivals per second of the whole test (each agent fires its stripe)." };
        var clients = new Option<int?>("--clients") { Description = "Closed model: virtual clients of the whole test (split exactly between agents)." };
        var duration = new Option<double>("--duration") { Description = "Measured seconds.", DefaultValueFactory = _ => 10 };
        var iterations = new Option<long?>("--iterations") { Description = "Closed model: iterations per client instead of a duration." };
        var maxInFlight = new Option<int>("--max-in-flight") { Description = "Open model: requests in flight per agent before arrivals are dropped.", DefaultValueFactory = _ => 1000 };
        var warmUp = new Option<double>("--warm-up") { Description = "Warm-up seconds before measuring.", DefaultValueFactory = _ => 0 };
        var rawSamples = new Option<int>("--raw-samples") { Description = "Per-request records to keep (0: none).", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out") { Description = "Results directory or s3://bucket/prefix (default: PERF_RESULTS)." };
        var command = new Command("agent", "Run this process's share of a distributed HTTP GET test and write its result.")
        {
            url, name, rate, clients, duration, iterations, maxInFlight, warmUp, rawSamples, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var profile = Profile(parse.GetValue(rate), parse.GetValue(clients), parse.GetValue(duration), parse.GetValue(iterations), parse.GetValue(maxInFlight))
                    .WithWarmUp(TimeSpan.FromSeconds(parse.GetValue(warmUp)));
                var runName = parse.GetValue(name)!;
                var agent = DistributedAgent.FromEnvironment()
                    ?? new DistributedAgent(0, 1, runName, ExecutionSegment.Whole, ExecutionSegmentSequence.Even(1), null, null);
                var results = parse.GetValue(output) ?? agent.Results
                    ?? throw new ArgumentException($"Say where results go: --out or {DistributedAgent.ResultsVariable}.");
                var target = Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                    ? parsed
                    : throw new ArgumentException($"--url {parse.GetValue(url)} is not an absolute http(s) URL.");
                return await RunAsync(agent, profile, target, runName, parse.GetValue(rawSamples), ResultLocation.Parse(results), cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync("perftest agent: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Refused;
            }
        });
        return command;
    }

    private static LoadProfile Profile(double? rate, int? clients, double duration, long? iterations, int maxInFlight)
    {
        var window = TimeSpan.FromSeconds(duration);
        return (rate, clients, iterations) switch
        {
            ({ } r, null, null) => LoadProfile.OpenConstant(r, window, maxInFlight),
            (null, { } c, null) => LoadProfile.Closed(c, window),
            (null, { } c, { } n) => LoadProfile.ClosedIterations(c, n),
            _ => throw new ArgumentException("Give either --rate (open model) or --clients (closed model, optionally with --iterations)."),
        };
    }

    private static async Task<int> RunAsync(
        DistributedAgent agent, LoadProfile profile, Uri url, string name, int rawSamples, ResultLocation location, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 10_000, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var runner = new LoadRunner(agent.ApplyTo(new LoadRunnerOptions { Name = name, RawSampleCapacity = rawSamples }));
        var result = await runner.RunAsync(profile, Scenario.Create(name, HttpStep.Get(http, url)), cancellationToken).ConfigureAwait(false);
        var agentResult = AgentResult.Of(agent, [result]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agent {agent.Index} of {agent.Count} (segment {agent.Segment}): {result.Totals.Started} started, {result.Totals.Failed} failed, {result.Totals.Dropped} dropped, p99 {result.Latency.P99:0.###} ms, started {result.StartLateness.TotalSeconds:0.###} s late"));
        await AgentResultPublisher.PublishAsync(agentResult, agent, location.ToString(), location.IsS3 ? new S3FolderUploader() : null, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
