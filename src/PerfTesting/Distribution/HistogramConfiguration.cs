using HdrHistogram;
using PerfTesting.Measurement;

namespace PerfTesting.Distribution;

/// <summary>
/// The shape of an HdrHistogram: histograms can be added bucket by bucket without loss only when every
/// agent recorded with the same shape, so each agent writes it and the merge compares it.
/// </summary>
/// <param name="LowestTrackableValue">Smallest value distinguished from zero (microseconds).</param>
/// <param name="HighestTrackableValue">Largest value recorded (microseconds).</param>
/// <param name="SignificantDigits">Decimal digits of precision kept.</param>
public sealed record HistogramConfiguration(long LowestTrackableValue, long HighestTrackableValue, int SignificantDigits)
{
    /// <summary>The library's one latency histogram shape (<see cref="LatencyHistograms"/>).</summary>
    public static HistogramConfiguration Current { get; } = Of(LatencyHistograms.Create());

    /// <summary>The shape of <paramref name="histogram"/>.</summary>
    /// <param name="histogram">A histogram.</param>
    public static HistogramConfiguration Of(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return new(histogram.LowestTrackableValue, histogram.HighestTrackableValue, histogram.NumberOfSignificantValueDigits);
    }

    /// <summary>"1..3600000000 us, 3 digits".</summary>
    public override string ToString() => FormattableString.Invariant($"{LowestTrackableValue}..{HighestTrackableValue} us, {SignificantDigits} significant digits");
}
