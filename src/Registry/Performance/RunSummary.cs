using System.Text.Json.Serialization;

namespace Registry.Performance;

/// <summary>GET /health/performance/results/{run_id}: the run's state and metrics (partial while in progress).</summary>
internal sealed record RunSummary(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("completed_at")] DateTimeOffset? CompletedAt,
    [property: JsonPropertyName("estimated_completion")] DateTimeOffset EstimatedCompletion,
    [property: JsonPropertyName("config")] RunConfig Config,
    [property: JsonPropertyName("throughput")] RunThroughput Throughput,
    [property: JsonPropertyName("latency_ms")] RunLatency LatencyMs,
    [property: JsonPropertyName("error_rate")] double ErrorRate,
    [property: JsonPropertyName("total_requests")] long TotalRequests,
    [property: JsonPropertyName("total_errors")] long TotalErrors,
    [property: JsonPropertyName("total_bytes")] long TotalBytes,
    [property: JsonPropertyName("records_written")] long RecordsWritten,
    [property: JsonPropertyName("sla_passed")] bool? SlaPassed,
    [property: JsonPropertyName("failure_reason")] string? FailureReason,
    [property: JsonPropertyName("series")] IReadOnlyList<RunSecond> Series,
    [property: JsonPropertyName("histogram")] IReadOnlyList<HistogramBucket> Histogram)
{
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

internal sealed record RunConfig(
    [property: JsonPropertyName("num_clients")] int NumClients,
    [property: JsonPropertyName("model_id")] string ModelId,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("duration_seconds")] double DurationSeconds,
    [property: JsonPropertyName("requests_per_client")] int? RequestsPerClient);

internal sealed record RunThroughput(
    [property: JsonPropertyName("requests_per_second")] double RequestsPerSecond,
    [property: JsonPropertyName("bytes_per_second")] double BytesPerSecond);

internal sealed record RunLatency(
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("median")] double Median,
    [property: JsonPropertyName("p99")] double P99,
    [property: JsonPropertyName("min")] double Min,
    [property: JsonPropertyName("max")] double Max);

internal sealed record RunSecond(
    [property: JsonPropertyName("second")] int Second,
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("p50_ms")] double? P50Ms,
    [property: JsonPropertyName("p99_ms")] double P99Ms);

internal sealed record HistogramBucket(
    [property: JsonPropertyName("upper_ms")] double UpperMs,
    [property: JsonPropertyName("count")] long Count);
