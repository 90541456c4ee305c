namespace PerfTesting.Load;

/// <summary>A run's state after one more second, for live progress.</summary>
/// <param name="Elapsed">Time since the measured window began (negative during warm-up: time until it begins).</param>
/// <param name="WarmingUp">True during warm-up.</param>
/// <param name="RequestsPerSecond">Requests completed in the last second.</param>
/// <param name="ErrorsInSecond">Of those, failed.</param>
/// <param name="TotalRequests">Requests completed in the measured window so far.</param>
/// <param name="TotalErrors">Failures in the measured window so far.</param>
/// <param name="P99Ms">99th percentile latency of the last second.</param>
/// <param name="InFlight">Requests in flight now.</param>
public readonly record struct RunProgress(TimeSpan Elapsed, bool WarmingUp, long RequestsPerSecond, long ErrorsInSecond, long TotalRequests, long TotalErrors, double P99Ms, long InFlight);
