using System.Text.Json.Serialization;
using Registry.Hosting;

namespace Registry.Performance;

/// <summary>
/// The <c>performance</c> entry of /health/components: the latest run and how it met its SLA
/// (ok; degraded when the SLA failed; critical when the run failed).
/// </summary>
internal sealed class PerformanceHealthComponent(WorkloadCoordinator coordinator, PerformanceRunStore store) : IHealthComponent, IResettable
{
    public string Name => "performance";

    private volatile IReadOnlyList<RunSummary> _stored = [];
    private volatile string? _storeError;

    // The Scan of stored runs happens here, on the health probe interval, never per request.
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            _stored = await store.ListSummariesAsync(cancellationToken);
            _storeError = null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _storeError = $"performance_metrics unreadable: {e.GetType().Name}";
        }
    }

    public HealthDescription Describe()
    {
        if (_storeError is { } error && coordinator.Active.Count == 0 && coordinator.RecentlyFinished.Count == 0)
        {
            return new HealthDescription("critical", new { status = "critical", error });
        }

        var all = coordinator.Active.Select(r => r.Partial()).Concat(coordinator.RecentlyFinished).Concat(_stored)
            .DistinctBy(s => s.RunId).OrderByDescending(s => s.StartedAt).ToList();
        var latest = all.FirstOrDefault();
        var latestDone = all.FirstOrDefault(s => s.Status != RunSummary.InProgress);
        var status = latestDone is null ? "ok"
            : latestDone.Status == RunSummary.Failed ? "critical"
            : latestDone.SlaPassed == false ? "degraded"
            : "ok";
        return new HealthDescription(status,
            new PerformanceStatus(status, latest?.RunId, latestDone?.Throughput.RequestsPerSecond, latestDone?.LatencyMs.P99, all.Count, coordinator.Active.Count));
    }

    public Task ResetAsync(CancellationToken cancellationToken)
    {
        coordinator.DiscardAll();
        _stored = [];
        return Task.CompletedTask;
    }
    internal sealed record PerformanceStatus(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("latest_run_id")] string? LatestRunId,
        [property: JsonPropertyName("latest_throughput")] double? LatestThroughput,
        [property: JsonPropertyName("latest_p99_latency")] double? LatestP99Latency,
        [property: JsonPropertyName("total_runs")] int TotalRuns,
        [property: JsonPropertyName("active_runs")] int ActiveRuns);
}
