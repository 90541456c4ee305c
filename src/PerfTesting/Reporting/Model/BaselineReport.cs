using PerfTesting.Baselines;
using PerfTesting.Comparison;

namespace PerfTesting.Reporting.Model;

/// <summary>A baseline outcome as reported.</summary>
/// <param name="Status">Compared, missing, not comparable or accepted.</param>
/// <param name="Overall">The run's verdict, when compared.</param>
/// <param name="Note">Why not comparable, or the received file written.</param>
/// <param name="Metrics">One row per metric.</param>
public sealed record BaselineReport(BaselineStatus Status, Verdict? Overall, string? Note, IReadOnlyList<MetricComparison> Metrics)
{
    /// <summary>True when the comparison is a trend record, not a gate (<see cref="BaselineOutcome.Informational"/>): reports label its verdicts informational.</summary>
    public bool Informational { get; init; }

    /// <summary>Builds the report from a check's outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The report.</returns>
    public static BaselineReport From(BaselineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var note = outcome.Comparison?.NotComparableReason
            ?? (outcome.WrittenPath is null ? null : $"written to {Path.GetFileName(outcome.WrittenPath)}");
        var compared = outcome.Status == BaselineStatus.Compared ? outcome.Comparison : null;
        return new BaselineReport(outcome.Status, compared?.Overall, note, outcome.Comparison?.Metrics ?? []) { Informational = outcome.Informational };
    }
}
