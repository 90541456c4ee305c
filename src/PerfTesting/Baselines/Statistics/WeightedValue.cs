namespace PerfTesting.Baselines.Statistics;

/// <summary>A value observed <see cref="Count"/> times: one bucket of a histogram.</summary>
/// <param name="Value">The value (a latency in microseconds, requests in one second, ...).</param>
/// <param name="Count">How many times it was observed; never negative.</param>
internal readonly record struct WeightedValue(double Value, long Count);
