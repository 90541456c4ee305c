using PerfTesting.Comparison;

namespace PerfTesting.Baselines;

/// <summary>What a baseline check did and found.</summary>
/// <param name="Name">The baseline's name.</param>
/// <param name="Status">Compared, missing, not comparable or accepted.</param>
/// <param name="Comparison">The comparison, when one was made (also for NotComparable, with the reason).</param>
/// <param name="WrittenPath">The received or baseline file written, if any.</param>
public sealed record BaselineOutcome(string Name, BaselineStatus Status, BaselineComparison? Comparison, string? WrittenPath)
{
    /// <summary>True when the run should fail a test: it regressed, or there was no baseline to compare with.</summary>
    public bool IsFailure => Status == BaselineStatus.Missing || (Status == BaselineStatus.Compared && Comparison?.Overall == Verdict.Regressed);
}
