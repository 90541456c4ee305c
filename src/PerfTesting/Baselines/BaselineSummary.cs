using PerfTesting.Measurement;

namespace PerfTesting.Baselines;

/// <summary>The headline numbers of a run, as stored in a baseline file (latencies in milliseconds).</summary>
/// <param name="Requests">Requests that completed (succeeded + failed).</param>
/// <param name="Failures">Requests that failed.</param>
/// <param name="DurationSeconds">The measured window, warm-up excluded.</param>
/// <param name="ThroughputPerSecond">Requests per second over the window.</param>
/// <param name="BytesPerSecond">Response bytes per second over the window.</param>
/// <param name="MeanMs">Mean latency.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P95Ms">95th percentile latency.</param>
/// <param name="P99Ms">99th percentile latency.</param>
/// <param name="MaxMs">Largest latency.</param>
public sealed record BaselineSummary(
    long Requests,
    long Failures,
    double DurationSeconds,
    double ThroughputPerSecond,
    double BytesPerSecond,
    double MeanMs,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs)
{
    /// <summary>Failures divided by requests (<see cref="RunTotals.ErrorRateOf"/>).</summary>
    public double ErrorRate => RunTotals.ErrorRateOf(Failures, Requests);
}
