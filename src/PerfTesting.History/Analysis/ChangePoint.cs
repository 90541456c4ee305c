namespace PerfTesting.History.Analysis;

/// <summary>Where a metric's level changed: the first run of the new level and what the levels are either side.</summary>
/// <param name="Position">Index of the first run after the change in its series (0 = the oldest run of that series).</param>
/// <param name="RecordId">The store's id of that run.</param>
/// <param name="Commit">The commit of that run: the first one measured at the new level.</param>
/// <param name="RecordedAt">When that run was measured.</param>
/// <param name="Before">The level of the segment before.</param>
/// <param name="After">The level of the segment after.</param>
/// <param name="Change">Relative change, after / before - 1 (for an error rate: after - before).</param>
/// <param name="PValue">Two-sided Student's t-test of the two segments.</param>
/// <param name="IsRegression">Whether the change is for the worse (latency or errors up, throughput down).</param>
/// <param name="RunsSince">How many runs of the series are at or after this change point (1 = it is the latest run).</param>
public sealed record ChangePoint(
    int Position,
    long RecordId,
    string Commit,
    DateTimeOffset RecordedAt,
    SegmentEstimate Before,
    SegmentEstimate After,
    double Change,
    double PValue,
    bool IsRegression,
    int RunsSince);
