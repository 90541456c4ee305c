using System.Diagnostics;
using System.Globalization;
using PerfTesting.Load;

// Usage:
//   EngineBench engine URL CLIENTS SECONDS   the engine, closed model, HttpStep.Get
//   EngineBench bare   URL CLIENTS SECONDS   a hand-written HttpClient loop, nothing recorded
//   EngineBench memory REQUESTS SECONDS      working-set growth while the engine records REQUESTS (or SECONDS)
// Each prints one line: key=value pairs, invariant culture.
var mode = args.ElementAtOrDefault(0) ?? throw new ArgumentException("mode: engine | bare | memory");
var invariant = CultureInfo.InvariantCulture;
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = int.MaxValue });
switch (mode)
{
    case "engine":
    {
        var (url, clients, duration) = (new Uri(args[1]), int.Parse(args[2], invariant), TimeSpan.FromSeconds(double.Parse(args[3], invariant)));
        var result = await new LoadRunner(new LoadRunnerOptions { CaptureProcess = false, KeepSecondHistograms = false }).RunAsync(
            LoadProfile.Closed(clients, duration).WithWarmUp(TimeSpan.FromSeconds(2)),
            Scenario.Create("get", HttpStep.Get(http, url)));
        Console.WriteLine(string.Create(invariant,
            $"requests_per_sec={result.RequestsPerSecond:0.0} bytes_per_sec={result.BytesPerSecond:0} errors={result.Totals.Failed} p99_ms={result.Latency.P99:0.###}"));
        break;
    }

    case "bare":
    {
        var (url, clients, duration) = (new Uri(args[1]), int.Parse(args[2], invariant), TimeSpan.FromSeconds(double.Parse(args[3], invariant)));
        await BareLoopAsync(http, url, clients, TimeSpan.FromSeconds(2)); // the same warm-up as the engine gets
        var (requests, bytes, elapsed) = await BareLoopAsync(http, url, clients, duration);
        Console.WriteLine(string.Create(invariant, $"requests_per_sec={requests / elapsed.TotalSeconds:0.0} bytes_per_sec={bytes / elapsed.TotalSeconds:0}"));
        break;
    }

    case "memory":
    {
        var (requests, limit) = (long.Parse(args[1], invariant), TimeSpan.FromSeconds(double.Parse(args[2], invariant)));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = Environment.WorkingSet;
        long peak = before;
        using var sampler = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Environment.WorkingSet)), null, 0, 100);
        var noOp = Scenario.Create("no-op", (_, _) => ValueTask.FromResult(StepOutcome.Ok(64)));
        var result = await new LoadRunner(new LoadRunnerOptions { CaptureProcess = false }).RunAsync(
            LoadProfile.ClosedTotal(2, requests).WithTimeLimit(limit), noOp);
        peak = Math.Max(Interlocked.Read(ref peak), Environment.WorkingSet);
        Console.WriteLine(string.Create(invariant,
            $"recorded={result.Totals.Completed} seconds={result.Duration.TotalSeconds:0.0} memory_growth_mb={(peak - before) / 1048576.0:0.0}"));
        break;
    }

    default:
        throw new ArgumentException($"unknown mode {mode}");
}

static async Task<(long Requests, long Bytes, TimeSpan Elapsed)> BareLoopAsync(HttpClient http, Uri url, int clients, TimeSpan duration)
{
    long requests = 0, bytes = 0;
    var started = Stopwatch.GetTimestamp();
    var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        var buffer = new byte[64 * 1024];
        long mine = 0, myBytes = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                myBytes += read;
            }

            mine++;
        }

        Interlocked.Add(ref requests, mine);
        Interlocked.Add(ref bytes, myBytes);
    }));
    return (requests, bytes, Stopwatch.GetElapsedTime(started));
}
