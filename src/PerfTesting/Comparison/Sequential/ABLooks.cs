using PerfTesting.Metrics;

namespace PerfTesting.Comparison.Sequential;

/// <summary>How an adaptive comparison looked at its rounds, recorded with its result (results.json).</summary>
/// <param name="Planned">Most looks; the promised confidence was split over this many.</param>
/// <param name="Taken">Looks taken.</param>
/// <param name="PerLookConfidence">The confidence of each look's intervals (and of the reported ones).</param>
/// <param name="RoundsAtEachLook">How many rounds each look judged.</param>
/// <param name="Stop">Why it stopped.</param>
/// <param name="Budget">The time budget.</param>
/// <param name="GatedMetrics">The metrics that decided the overall verdict.</param>
public sealed record ABLooks(
    int Planned,
    int Taken,
    double PerLookConfidence,
    IReadOnlyList<int> RoundsAtEachLook,
    ABStopReason Stop,
    TimeSpan Budget,
    IReadOnlyList<PerfMetric> GatedMetrics);
