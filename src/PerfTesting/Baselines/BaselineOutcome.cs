using PerfTesting.Comparison;

namespace PerfTesting.Baselines;

/// <summary>What a baseline check did and found.</summary>
/// <param name="Name">The baseline's name.</param>
/// <param name="Status">Compared, missing, not comparable or accepted.</param>
/// <param name="Comparison">The comparison, when one was made (also for NotComparable, with the reason).</param>
/// <param name="WrittenPath">The received or baseline file written, if any.</param>
public sealed record BaselineOutcome(string Name, BaselineStatus Status, BaselineComparison? Comparison, string? WrittenPath)
{
    /// <summary>What became the baseline in accept mode: the received file of the previous run, or this run; null otherwise.</summary>
    public AcceptSource? AcceptedFrom { get; init; }

    /// <summary>
    /// True when a baseline from another environment is only information
    /// (<see cref="ComparisonOptions.InformationalAcrossEnvironments"/>): then it does not fail the check.
    /// </summary>
    public bool Informational { get; init; }

    /// <summary>
    /// True when the run should fail a test: it regressed, there was no baseline to compare with, or the
    /// baseline cannot be compared (another environment) and the check did not opt in to informational comparisons.
    /// </summary>
    public bool IsFailure =>
        Status == BaselineStatus.Missing
        || (Status == BaselineStatus.NotComparable && !Informational)
        || (Status == BaselineStatus.Compared && Comparison?.Overall == Verdict.Regressed);

    /// <summary>Why the check fails, in one sentence; null when it does not.</summary>
    public string? FailureReason => !IsFailure ? null : Status switch
    {
        BaselineStatus.Missing => "no baseline is committed",
        BaselineStatus.NotComparable => $"the baseline cannot be compared: {Comparison?.NotComparableReason}",
        _ => "a metric regressed",
    };
}
