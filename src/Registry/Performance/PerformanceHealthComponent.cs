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

    public async Task<object> DescribeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<RunSummary> stored;
        try
        {
            stored = await store.ListSummariesAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new { status = "critical", error = $"performance_metrics unreadable: {e.GetType().Name}" };
        }

        var all = coordinator.Active.Select(r => r.Partial()).Concat(coordinator.RecentlyFinished).Concat(stored)
            .DistinctBy(s => s.RunId).OrderByDescending(s => s.StartedAt).ToList();
        var latest = all.FirstOrDefault();
        var latestDone = all.FirstOrDefault(s => s.Status != RunSummary.InProgress);
        var status = latestDone is null ? "ok"
            : latestDone.Status == RunSummary.Failed ? "critical"
            : latestDone.SlaPassed == false ? "degraded"
            : "ok";
        return new PerformanceStatus(status, latest?.RunId, latestDone?.Throughput.RequestsPerSecond, latestDone?.LatencyMs.P99, all.Count, coordinator.Active.Count);
    }

    public Task ResetAsync(CancellationToken cancellationToken)
    {
        coordinator.DiscardAll();
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
