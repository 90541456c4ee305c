using PerfTesting.Comparison;

namespace Tests.Perf.Track.Rounds;

/// <summary>
/// One before/after of the track, as planned: its name (the row in the report), what A and B are, the
/// workload of one side's run, the schedule and why that schedule (results.json keeps the reason as the
/// comparison's first note).
/// </summary>
internal sealed record TrackComparisonPlan(
    string Name,
    string ALabel,
    string ADescription,
    string BLabel,
    string BDescription,
    string Workload,
    ABSchedule Schedule,
    string Why)
{
    /// <summary>Further notes for the report.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
