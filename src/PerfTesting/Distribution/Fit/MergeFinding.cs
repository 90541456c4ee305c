namespace PerfTesting.Distribution.Fit;

/// <summary>One way the agents' parts do not fit together, with the reason in words a reader can act on.</summary>
/// <param name="Severity">Whether the merge warns or refuses.</param>
/// <param name="Check">Which check found it: windows, lateness, build, environment.</param>
/// <param name="Reason">What does not fit, with the figures, and what to do.</param>
public sealed record MergeFinding(MergeFindingSeverity Severity, string Check, string Reason)
{
    /// <summary>The finding as the report's first line states it.</summary>
    public override string ToString() => (Severity == MergeFindingSeverity.Refusal ? "MISFIT (refused): " : "MERGE WARNING: ") + Reason;
}
