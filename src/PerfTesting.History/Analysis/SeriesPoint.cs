namespace PerfTesting.History.Analysis;

/// <summary>One run's value of a metric.</summary>
/// <param name="RecordId">The store's id.</param>
/// <param name="Commit">The commit measured.</param>
/// <param name="Branch">The branch.</param>
/// <param name="RecordedAt">When it ran.</param>
/// <param name="Value">The metric's value.</param>
public sealed record SeriesPoint(long RecordId, string Commit, string Branch, DateTimeOffset RecordedAt, double Value);
