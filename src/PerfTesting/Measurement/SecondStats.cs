namespace PerfTesting.Measurement;

/// <summary>One second of a run's measured window.</summary>
/// <param name="Second">Seconds since the window began (0-based).</param>
/// <param name="Requests">Requests completed in the second.</param>
/// <param name="Errors">Of those, failed.</param>
/// <param name="Bytes">Response bytes read.</param>
/// <param name="P50Ms">Median latency of the second's requests.</param>
/// <param name="P99Ms">99th percentile latency of the second's requests.</param>
/// <param name="Histogram">The second's latencies (base64 HdrHistogram of microseconds), for interval logs.</param>
public sealed record SecondStats(int Second, long Requests, long Errors, long Bytes, double P50Ms, double P99Ms, string? Histogram);
