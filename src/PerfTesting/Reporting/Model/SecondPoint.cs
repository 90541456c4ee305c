namespace PerfTesting.Reporting.Model;

/// <summary>What happened in one second of a run.</summary>
/// <param name="Second">Seconds since the measured window began (0, 1, 2, ...).</param>
/// <param name="Requests">Requests completed in that second.</param>
/// <param name="Errors">Of those, failed.</param>
/// <param name="Bytes">Response bytes read.</param>
/// <param name="P50Ms">Median latency of that second's requests.</param>
/// <param name="P99Ms">99th percentile latency of that second's requests.</param>
/// <param name="Histogram">That second's latencies (base64 HdrHistogram, microseconds) for the interval log, or null.</param>
public sealed record SecondPoint(int Second, long Requests, long Errors, long Bytes, double P50Ms, double P99Ms, string? Histogram = null);
