namespace PerfTesting.Measurement;

/// <summary>
/// What one instrument measured for one combination of the tag values a capture breaks down by
/// (<see cref="MeterCapture"/>'s tag keys): e.g. the DynamoDB call duration where operation=GetItem and
/// origin=request, or the failures where component=s3.
/// </summary>
/// <param name="Tags">The chosen tag keys present on the measurements, with their values.</param>
/// <param name="Count">Measurements taken.</param>
/// <param name="Sum">Their sum.</param>
/// <param name="Min">Smallest measurement.</param>
/// <param name="Max">Largest measurement; for an up-down counter, the peak level reached.</param>
/// <param name="P50">Median of a histogram's measurements, else null.</param>
/// <param name="P95">95th percentile of a histogram's measurements, else null.</param>
/// <param name="P99">99th percentile of a histogram's measurements, else null.</param>
public sealed record InstrumentBreakdown(IReadOnlyDictionary<string, string> Tags, long Count, double Sum, double Min, double Max, double? P50, double? P95, double? P99)
{
    /// <summary>Sum divided by count.</summary>
    public double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>Whether the measurements carried <paramref name="key"/> = <paramref name="value"/>.</summary>
    /// <param name="key">A tag key.</param>
    /// <param name="value">Its value.</param>
    public bool Has(string key, string value) => Tags.TryGetValue(key, out var actual) && string.Equals(actual, value, StringComparison.Ordinal);
}
