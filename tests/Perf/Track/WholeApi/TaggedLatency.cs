namespace Tests.Perf.Track.WholeApi;

/// <summary>One tag value's share of a duration instrument over a capture window, in milliseconds.</summary>
/// <param name="Tag">The tag's value (an operation's name, a validation result).</param>
/// <param name="Count">Measurements with that value.</param>
/// <param name="MeanMs">Their mean.</param>
/// <param name="P50Ms">Median.</param>
/// <param name="P95Ms">95th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">Largest.</param>
internal sealed record TaggedLatency(string Tag, long Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs);
