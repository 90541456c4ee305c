namespace PerfTesting.Measurement;

/// <summary>One scenario's share of a run.</summary>
/// <param name="Name">The scenario.</param>
/// <param name="Totals">Its accounting.</param>
/// <param name="Latency">Its latency statistics.</param>
/// <param name="ErrorsByKind">Its failures by kind.</param>
/// <param name="LatencyHistogram">Its latencies (base64 HdrHistogram of microseconds).</param>
public sealed record ScenarioResult(string Name, RunTotals Totals, LatencyStats Latency, IReadOnlyDictionary<string, long> ErrorsByKind, string LatencyHistogram)
{
    /// <summary>
    /// The scenario's named steps (<c>ScenarioContext.StepAsync</c>, <c>Scenario.Sequence</c>), each with its
    /// own accounting, latency and histogram, in the order first run; empty for a scenario without steps.
    /// </summary>
    public IReadOnlyList<ScenarioResult> Steps { get; init; } = [];

    /// <summary>Failed divided by completed (<see cref="RunTotals.ErrorRateOf"/>).</summary>
    public double ErrorRate => Totals.ErrorRate;
}
