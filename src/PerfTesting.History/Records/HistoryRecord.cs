namespace PerfTesting.History.Records;

/// <summary>One run of one scenario as kept in the history.</summary>
/// <param name="Commit">The source commit measured.</param>
/// <param name="Branch">The branch it was measured on.</param>
/// <param name="RecordedAt">When the run was measured (the run's start).</param>
/// <param name="Scenario">The run's name, or run/scenario for a scenario's share of a run.</param>
/// <param name="Environment">Where and how it was measured.</param>
/// <param name="P50Ms">Median latency, ms.</param>
/// <param name="P95Ms">95th percentile, ms.</param>
/// <param name="P99Ms">99th percentile, ms.</param>
/// <param name="ThroughputPerSecond">Completed requests per second.</param>
/// <param name="ErrorRate">Failed divided by completed requests.</param>
/// <param name="Requests">Completed requests.</param>
/// <param name="Histogram">The run's encoded HdrHistogram (base64), or null when the report carried none.</param>
public sealed record HistoryRecord(
    string Commit,
    string Branch,
    DateTimeOffset RecordedAt,
    string Scenario,
    HistoryEnvironment Environment,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double ThroughputPerSecond,
    double ErrorRate,
    long Requests,
    string? Histogram)
{
    /// <summary>The store's sequence number (order of recording); 0 before the record is stored.</summary>
    public long Id { get; init; }
}
