namespace PerfTesting.Load;

/// <summary>A run's state after one more second, for live progress.</summary>
/// <param name="Elapsed">Time since the measured window began; during warm-up, the time until it begins (0 on warm-up's last second); on the <see cref="Final"/> report, the whole window.</param>
/// <param name="WarmingUp">True during warm-up.</param>
/// <param name="RequestsPerSecond">Requests completed in the last second (on the final report: in the partial second since the last report).</param>
/// <param name="ErrorsInSecond">Of those, failed.</param>
/// <param name="TotalRequests">Requests completed in the measured window so far.</param>
/// <param name="TotalErrors">Failures in the measured window so far.</param>
/// <param name="P99Ms">99th percentile latency of the last second.</param>
/// <param name="InFlight">Requests in flight now.</param>
public readonly record struct RunProgress(TimeSpan Elapsed, bool WarmingUp, long RequestsPerSecond, long ErrorsInSecond, long TotalRequests, long TotalErrors, double P99Ms, long InFlight)
{
    /// <summary>True on the last report, made when the run ends: its second is usually partial.</summary>
    public bool Final { get; init; }

    /// <summary>
    /// In a run whose scenarios carry their own load, the scenario (or scenarios, joined by '+') this
    /// report is about; each part reports on its own. Null otherwise.
    /// </summary>
    public string? Scenario { get; init; }
}
