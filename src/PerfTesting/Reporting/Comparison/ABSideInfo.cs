namespace PerfTesting.Reporting.Comparison;

/// <summary>What one side of an A/B report is: a label (e.g. "base") and, for builds, the commit.</summary>
/// <param name="Label">A short name: "base", "head", "A".</param>
/// <param name="Revision">The commit or version, when there is one.</param>
/// <param name="Description">A sentence for readers (the ref it came from, the commit subject).</param>
public sealed record ABSideInfo(string Label, string? Revision, string? Description);
