namespace PerfTesting.Reporting.Model;

/// <summary>One point of the latency-by-percentile curve.</summary>
/// <param name="Percentile">0 to 100.</param>
/// <param name="LatencyMs">The latency at that percentile.</param>
public readonly record struct PercentilePoint(double Percentile, double LatencyMs);
