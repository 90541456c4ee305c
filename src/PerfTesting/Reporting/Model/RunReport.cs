using PerfTesting.Measurement;

namespace PerfTesting.Reporting.Model;

/// <summary>One run as reported. Latencies are in milliseconds, rates per second.</summary>
/// <param name="Name">A short, unique name (also used for file names and anchors).</param>
/// <param name="Description">What the run did: load shape, clients, target.</param>
/// <param name="StartedAt">Start of the measured window (warm-up excluded).</param>
/// <param name="DurationSeconds">Length of the measured window.</param>
/// <param name="Totals">Request accounting.</param>
/// <param name="ThroughputPerSecond">Completed requests per second.</param>
/// <param name="BytesPerSecond">Response bytes per second.</param>
/// <param name="Latency">Latency statistics.</param>
/// <param name="PercentileCurve">Latency by percentile, for the distribution chart.</param>
/// <param name="Series">Per-second points.</param>
/// <param name="ErrorsByKind">Failed requests by classification (status 503, timeout, connection, ...).</param>
/// <param name="Sla">The SLA lines evaluated for this run, if any.</param>
/// <param name="Baseline">The baseline comparison, if one was made.</param>
/// <param name="WhiteBox">The service's own instruments captured during the run.</param>
/// <param name="Findings">What analysers concluded, with their evidence.</param>
/// <param name="Histogram">The whole run's latency distribution (base64 HdrHistogram, microseconds), or null.</param>
public sealed record RunReport(
    string Name,
    string Description,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    RequestTotals Totals,
    double ThroughputPerSecond,
    double BytesPerSecond,
    LatencySummary Latency,
    IReadOnlyList<PercentilePoint> PercentileCurve,
    IReadOnlyList<SecondPoint> Series,
    IReadOnlyDictionary<string, long> ErrorsByKind,
    IReadOnlyList<SlaLineReport> Sla,
    BaselineReport? Baseline,
    IReadOnlyList<InstrumentReport> WhiteBox,
    IReadOnlyList<FindingReport> Findings,
    string? Histogram)
{
    /// <summary>Each scenario's share of the run (empty in reports written before scenarios were reported).</summary>
    public IReadOnlyList<ScenarioReport> Scenarios { get; init; } = [];

    /// <summary>Failed divided by completed requests (<see cref="RunTotals.ErrorRateOf"/>).</summary>
    public double ErrorRate => RunTotals.ErrorRateOf(Totals.Failed, Totals.Completed);
}
