using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PerfTesting.Assertions;
using PerfTesting.Load;
using PerfTesting.Measurement;
using Registry.Options;

namespace Registry.Performance;

/// <summary>
/// Starts workloads in the background with the same engine as the xunit tests and keeps their state.
/// The load only ever targets this registry's own download endpoint on loopback: the caller chooses
/// the model and the shape, never a URL or a host. At most <c>max_concurrent_runs</c> run at once;
/// runs stop when the registry stops. Each run has its own runner, observer and client, so
/// concurrent runs never mix their numbers.
/// </summary>
internal sealed class WorkloadCoordinator(
    IServer server,
    PerformanceRunStore store,
    IOptions<PerformanceOptions> performance,
    IOptions<AuthOptions> tokens,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<WorkloadCoordinator> logger)
{
    private const int MaxRecords = 200_000;
    private const int KeptInMemory = 100;

    private readonly ConcurrentDictionary<string, WorkloadRun> _active = new();
    private readonly ConcurrentDictionary<string, RunSummary> _finished = new();
    private readonly Lock _gate = new();

    /// <summary>Runs in progress, newest first.</summary>
    public IReadOnlyList<WorkloadRun> Active => [.. _active.Values.OrderByDescending(r => r.StartedAt)];

    /// <summary>Summaries of finished runs still held in memory (also those DynamoDB could not store).</summary>
    public IReadOnlyList<RunSummary> RecentlyFinished => [.. _finished.Values.OrderByDescending(r => r.StartedAt)];

    public static RunConfig Config(WorkloadPlan plan) =>
        new(plan.Clients, plan.Model.ModelId, plan.Model.Version, plan.Duration.TotalSeconds, plan.RequestsPerClient);

    /// <summary>Starts a run unless the limit is reached; returns at once.</summary>
    public WorkloadRun? TryStart(WorkloadPlan plan)
    {
        WorkloadRun run;
        lock (_gate)
        {
            if (_active.Count >= performance.Value.MaxConcurrentRuns)
            {
                return null;
            }

            run = new WorkloadRun(Guid.NewGuid().ToString(), plan, time.GetUtcNow(), CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping));
            _active[run.RunId] = run;
        }

        _ = Task.Run(() => ExecuteAsync(run));
        return run;
    }

    /// <summary>The run's summary: in progress from memory, else finished from memory or DynamoDB.</summary>
    public async Task<RunSummary?> FindAsync(string runId, CancellationToken cancellationToken)
    {
        if (_active.TryGetValue(runId, out var run))
        {
            return run.Partial();
        }

        return _finished.TryGetValue(runId, out var finished) ? finished : await store.GetSummaryAsync(runId, cancellationToken);
    }

    /// <summary>Reset: stops the runs in progress without storing anything of them, and forgets finished runs.</summary>
    public void DiscardAll()
    {
        foreach (var run in _active.Values)
        {
            run.Discard();
        }

        _active.Clear();
        _finished.Clear();
    }

    private async Task ExecuteAsync(WorkloadRun run)
    {
        RunSummary summary;
        try
        {
            await store.SaveSummaryAsync(run.Partial(), run.Stop.Token);
            var result = await LoadAsync(run);
            summary = Summarise(run, result, result.Cancelled ? RunSummary.Failed : RunSummary.Completed,
                result.Cancelled ? "The registry stopped during the run; the figures are partial." : null, records: 0);
            var records = run.Discarded ? 0 : await store.WriteRecordsAsync(run.RunId, result.Environment.StartedAt, result.RawSamples, CancellationToken.None);
            summary = summary with { RecordsWritten = records };
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Workload {RunId} failed", run.RunId);
            summary = run.Partial() with
            {
                Status = RunSummary.Failed,
                CompletedAt = time.GetUtcNow(),
                FailureReason = $"{e.GetType().Name}: {e.Message}",
            };
        }

        if (run.Discarded)
        {
            run.Stop.Dispose();
            return;
        }

        // Kept in memory first, so that the result is readable even when DynamoDB is what failed.
        _finished[run.RunId] = summary;
        _active.TryRemove(run.RunId, out _);
        foreach (var old in _finished.Values.OrderByDescending(s => s.StartedAt).Skip(KeptInMemory))
        {
            _finished.TryRemove(old.RunId, out _);
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
            await store.SaveSummaryAsync(summary, timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not store the summary of workload {RunId}; it stays readable from memory", run.RunId);
        }

        run.Stop.Dispose();
    }

    private async Task<RunResult> LoadAsync(WorkloadRun run)
    {
        var plan = run.Plan;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AllowAutoRedirect = true,
        })
        {
            Timeout = TimeSpan.FromMinutes(5),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Value.ReaderToken);
        var url = new Uri(OwnLoopbackAddress(), $"models/{plan.Model.Owner}/{plan.Model.Name}/{plan.Model.Version}/model.zip");
        var profile = plan.RequestsPerClient is { } iterations
            ? LoadProfile.ClosedIterations(plan.Clients, iterations).WithTimeLimit(plan.Duration)
            : (LoadProfile)LoadProfile.Closed(plan.Clients, plan.Duration);
        var runner = new LoadRunner(new LoadRunnerOptions
        {
            Name = run.RunId,
            Observer = run,
            RawSampleCapacity = MaxRecords,
            CaptureProcess = false,
            KeepSecondHistograms = false,
            Time = time,
        });
        logger.LogInformation("Workload {RunId}: {Clients} clients on {Url} for {Duration}", run.RunId, plan.Clients, url, plan.Duration);
        return await runner.RunAsync(profile, Scenario.Create("download", HttpStep.Get(http, url)), run.Stop.Token);
    }

    private RunSummary Summarise(WorkloadRun run, RunResult result, string status, string? reason, long records)
    {
        var latency = result.Latency;
        // The engine's SLA rule (strict bounds; a run that completed nothing fails), not a second copy of it.
        var sla = Sla.Define()
            .LatencyPercentile(99, below: TimeSpan.FromMilliseconds(performance.Value.WorkloadSlaP99Ms))
            .ErrorRate(below: performance.Value.WorkloadSlaErrorRate)
            .Build();
        var slaPassed = SlaEvaluator.Evaluate(result, sla).Passed;
        return new RunSummary(
            run.RunId, status, run.StartedAt, time.GetUtcNow(), run.EstimatedCompletion, Config(run.Plan),
            new RunThroughput(Math.Round(result.RequestsPerSecond, 3), Math.Round(result.BytesPerSecond, 1)),
            new RunLatency(Math.Round(latency.Mean, 3), Math.Round(latency.P50, 3), Math.Round(latency.P99, 3), Math.Round(latency.Min, 3), Math.Round(latency.Max, 3)),
            result.ErrorRate, result.Totals.Completed, result.Totals.Failed, result.Totals.Bytes, records, slaPassed, reason,
            [.. result.Series.Select(s => new RunSecond(s.Second, s.Requests, s.Errors, Math.Round(s.P50Ms, 3), Math.Round(s.P99Ms, 3)))],
            Buckets(result));
    }

    // The latency histogram for the dashboard: logarithmic buckets from 1 ms, doubling.
    private static List<HistogramBucket> Buckets(RunResult result)
    {
        var histogram = result.DecodeHistogram();
        if (histogram.TotalCount == 0)
        {
            return [];
        }

        // Recorded values are microseconds; bucket upper bounds 1, 2, 4, 8, ... ms.
        var buckets = new SortedDictionary<double, long>();
        foreach (var value in histogram.RecordedValues())
        {
            var upper = 1.0;
            while (upper * 1000 < value.ValueIteratedTo)
            {
                upper *= 2;
            }

            buckets[upper] = buckets.GetValueOrDefault(upper) + value.CountAtValueIteratedTo;
        }

        return [.. buckets.Select(b => new HistogramBucket(b.Key, b.Value))];
    }

    // Loopback only, whatever the registry listens on (0.0.0.0, a host name): the load never leaves the machine.
    private Uri OwnLoopbackAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var normalised = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp)
            {
                return new UriBuilder(Uri.UriSchemeHttp, "127.0.0.1", uri.Port, "/").Uri;
            }
        }

        throw new InvalidOperationException("The registry listens on no plain-HTTP address to send its workload to.");
    }
}
