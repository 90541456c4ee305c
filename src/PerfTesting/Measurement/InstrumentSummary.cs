namespace PerfTesting.Measurement;

/// <summary>What one instrument of the service measured during the run's window.</summary>
/// <param name="Meter">The Meter's name.</param>
/// <param name="Name">The instrument's name.</param>
/// <param name="Unit">Its declared unit.</param>
/// <param name="Kind">Histogram, Counter, UpDownCounter or Gauge.</param>
/// <param name="Count">Measurements taken.</param>
/// <param name="Sum">Their sum (for an up-down counter: the net change).</param>
/// <param name="Min">Smallest measurement.</param>
/// <param name="Max">Largest measurement; for an up-down counter, the peak level reached in the window.</param>
/// <param name="P50">Median of a histogram's measurements, else null.</param>
/// <param name="P99">99th percentile of a histogram's measurements, else null.</param>
public sealed record InstrumentSummary(string Meter, string Name, string Unit, string Kind, long Count, double Sum, double Min, double Max, double? P50, double? P99)
{
    /// <summary>Sum divided by count.</summary>
    public double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>
    /// The instrument broken down by the capture's tag keys, one entry per combination of their values
    /// seen (empty when the capture named no tag keys, or the instrument carries none of them).
    /// </summary>
    public IReadOnlyList<InstrumentBreakdown> ByTag { get; init; } = [];

    /// <summary>The sum of the measurements tagged <paramref name="key"/> = <paramref name="value"/> (the failures of one component, say).</summary>
    /// <param name="key">A tag key the capture broke down by.</param>
    /// <param name="value">Its value.</param>
    public double SumWhere(string key, string value) => ByTag.Where(b => b.Has(key, value)).Sum(b => b.Sum);
}
