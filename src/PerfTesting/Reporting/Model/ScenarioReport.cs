namespace PerfTesting.Reporting.Model;

/// <summary>One scenario's share of a run, as reported. Latencies in milliseconds, rates per second of the run's window.</summary>
/// <param name="Name">The scenario.</param>
/// <param name="Totals">Its request accounting.</param>
/// <param name="ThroughputPerSecond">Its completed requests per second of the run's measured window.</param>
/// <param name="Latency">Its latency statistics.</param>
/// <param name="ErrorsByKind">Its failures by kind.</param>
public sealed record ScenarioReport(
    string Name,
    RequestTotals Totals,
    double ThroughputPerSecond,
    LatencySummary Latency,
    IReadOnlyDictionary<string, long> ErrorsByKind)
{
    /// <summary>The scenario's named steps, each reported the same way (empty for a scenario without steps).</summary>
    public IReadOnlyList<ScenarioReport> Steps { get; init; } = [];

    /// <summary>Failed divided by completed requests.</summary>
    public double ErrorRate => Measurement.RunTotals.ErrorRateOf(Totals.Failed, Totals.Completed);
}
