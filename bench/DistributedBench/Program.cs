using System.Diagnostics;
using System.Globalization;
using PerfTesting.Distribution;
using Tests.Shared;

// Usage: DistributedBench CLI_DLL RATE SECONDS
// Runs the same open-model test (RATE arrivals/s for SECONDS, 1 s warm-up) as 1, 2 and 4 agent
// processes against one Kestrel target on loopback, each agent started with the environment a pod of
// an Indexed Job gets, then merges each run's results from disk. Prints one line per agent count and
// the three summary lines last.
var invariant = CultureInfo.InvariantCulture;
var cli = args.ElementAtOrDefault(0) ?? throw new ArgumentException("usage: DistributedBench CLI_DLL RATE SECONDS");
var rate = int.Parse(args.ElementAtOrDefault(1) ?? "2000", invariant);
var seconds = int.Parse(args.ElementAtOrDefault(2) ?? "5", invariant);
var expected = (long)rate * seconds;

// The distributed-run tests' target, never stalled here: it answers GET / at once.
await using var target = await StallableTarget.StartAsync(CancellationToken.None);
var url = target.Url.ToString();

var root = Directory.CreateTempSubdirectory("perftest-bench-").FullName;
try
{
    var exact = new Dictionary<int, bool>();
    var worstError = 0.0;
    double mergeSeconds = 0;
    long mergedRequests = 0;
    foreach (var agents in new[] { 1, 2, 4 })
    {
        var results = Path.Combine(root, $"agents-{agents}");
        var start = DateTimeOffset.UtcNow.AddSeconds(3 + agents);
        await Task.WhenAll(Enumerable.Range(0, agents).Select(i => RunAgentAsync(cli, url, i, agents, start, results, rate, seconds)));

        // Timed on the second read + merge, so the JIT's first-call cost is not counted.
        ResultMerger.Merge(await AgentResultFiles.ReadAllAsync(results));
        var clock = Stopwatch.StartNew();
        var merged = ResultMerger.Merge(await AgentResultFiles.ReadAllAsync(results));
        clock.Stop();
        var run = merged.Runs.Single();
        mergeSeconds += clock.Elapsed.TotalSeconds;
        mergedRequests += run.Merged.Totals.Started;

        // Exact order statistics of the union of every agent's raw samples, against the merged histogram; the
        // rank is HdrHistogram's (p x n rounded to nearest), so the difference is the histogram's resolution only.
        var samples = run.Agents.SelectMany(a => a.Result.RawSamples).Select(s => s.LatencyMs).Order().ToArray();
        double At(double p) => samples[Math.Max(0, (int)((p / 100 * samples.Length) + 0.5) - 1)];
        var pairs = new[] { (At(50), run.Merged.Latency.P50), (At(90), run.Merged.Latency.P90), (At(99), run.Merged.Latency.P99), (At(99.9), run.Merged.Latency.P999), (samples[^1], run.Merged.Latency.Max) };
        var error = pairs.Max(p => Math.Abs(p.Item2 - p.Item1) / p.Item1);
        worstError = Math.Max(worstError, error);
        exact[agents] = run.Merged.Totals.Started == expected && run.Merged.Totals.Dropped == 0 && samples.Length == expected;
        var late = run.Agents.Max(a => a.Result.StartLateness.TotalSeconds);
        Console.WriteLine(string.Create(invariant,
            $"agents={agents} expected={expected} started={run.Merged.Totals.Started} dropped={run.Merged.Totals.Dropped} failed={run.Merged.Totals.Failed} raw_samples={samples.Length} p50_ms={run.Merged.Latency.P50:0.###} p99_ms={run.Merged.Latency.P99:0.###} max_ms={run.Merged.Latency.Max:0.###} percentile_error_max={error:0.######} merge_ms={clock.Elapsed.TotalMilliseconds:0.#} latest_start_s={late:0.###}"));
    }

    Console.WriteLine($"agents_4_requests_exact={(exact[4] ? 1 : 0)}");
    Console.WriteLine(string.Create(invariant, $"merge_percentile_error_max={worstError:0.######}"));
    Console.WriteLine(string.Create(invariant, $"merge_seconds_per_million_requests={mergeSeconds / (mergedRequests / 1e6):0.###}"));
}
finally
{
    Directory.Delete(root, recursive: true);
}

static async Task RunAgentAsync(string cli, string url, int index, int count, DateTimeOffset start, string results, int rate, int seconds)
{
    var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[]
    {
        "exec", cli, "agent", "--name", "bench", "--url", url, "--rate", rate.ToString(CultureInfo.InvariantCulture),
        "--duration", seconds.ToString(CultureInfo.InvariantCulture), "--warm-up", "1", "--max-in-flight", "5000", "--raw-samples", "10000000",
    })
    {
        info.ArgumentList.Add(argument);
    }

    info.Environment["JOB_COMPLETION_INDEX"] = index.ToString(CultureInfo.InvariantCulture);
    info.Environment["PERF_AGENT_COUNT"] = count.ToString(CultureInfo.InvariantCulture);
    info.Environment["PERF_TEST_ID"] = $"bench-{count}";
    info.Environment["PERF_START_AT"] = start.ToString("O", CultureInfo.InvariantCulture);
    info.Environment["PERF_RESULTS"] = results;
    using var process = Process.Start(info)!;
    using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 120));
    var output = process.StandardOutput.ReadToEndAsync(limit.Token);
    var error = process.StandardError.ReadToEndAsync(limit.Token);
    await process.WaitForExitAsync(limit.Token);
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"agent {index} of {count} exited with {process.ExitCode}: {await output}{await error}");
    }
}
