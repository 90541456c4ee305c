using HdrHistogram;

namespace PerfTesting.Measurement;

/// <summary>
/// Everything one run measured, immutable: accounting, throughput, latency (with the full distribution
/// as an encoded HdrHistogram), the per-second series, each scenario's share, the service's own
/// instruments and this process's resource use, and the profile and environment it ran with.
/// </summary>
/// <param name="Name">The run's name.</param>
/// <param name="Profile">The load profile, described.</param>
/// <param name="Environment">Machine, runtime, start and end.</param>
/// <param name="Duration">The measured window (warm-up excluded).</param>
/// <param name="Totals">Exact accounting.</param>
/// <param name="Latency">Latency statistics (ms). In the open model, from each request's intended start.</param>
/// <param name="Series">One point per second of the window.</param>
/// <param name="ErrorsByKind">Failures by kind.</param>
/// <param name="Scenarios">Each scenario's share.</param>
/// <param name="WhiteBox">The service's instruments over the window (empty unless meters were named).</param>
/// <param name="Process">This process's CPU, GC and memory over the window.</param>
/// <param name="RawSamples">Per-request records, when capture was on (bounded).</param>
/// <param name="RawSamplesLost">Requests not kept because the raw-sample buffer was full.</param>
/// <param name="LatencyHistogram">The whole window's latencies (base64 HdrHistogram of microseconds).</param>
/// <param name="Cancelled">True when the run was stopped before its end; the figures are partial.</param>
public sealed record RunResult(
    string Name,
    string Profile,
    RunEnvironment Environment,
    TimeSpan Duration,
    RunTotals Totals,
    LatencyStats Latency,
    IReadOnlyList<SecondStats> Series,
    IReadOnlyDictionary<string, long> ErrorsByKind,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<InstrumentSummary> WhiteBox,
    ProcessMetrics? Process,
    IReadOnlyList<RawSample> RawSamples,
    long RawSamplesLost,
    string LatencyHistogram,
    bool Cancelled)
{
    /// <summary>
    /// How late this run started against its shared start time (<see cref="Load.LoadRunnerOptions.StartAt"/>);
    /// zero when it started on time or had none.
    /// </summary>
    public TimeSpan StartLateness { get; init; }

    /// <summary>Failed divided by completed requests (<see cref="RunTotals.ErrorRateOf"/>).</summary>
    public double ErrorRate => Totals.ErrorRate;

    /// <summary>Completed requests per second of the measured window.</summary>
    public double RequestsPerSecond => Duration <= TimeSpan.Zero ? 0 : Totals.Completed / Duration.TotalSeconds;

    /// <summary>Response bytes per second of the measured window.</summary>
    public double BytesPerSecond => Duration <= TimeSpan.Zero ? 0 : Totals.Bytes / Duration.TotalSeconds;

    /// <summary>The whole window's latency distribution (microseconds).</summary>
    public HistogramBase DecodeHistogram() => HistogramCodec.Decode(LatencyHistogram);

    /// <summary>The scenario named <paramref name="name"/>.</summary>
    /// <param name="name">The scenario's name.</param>
    public ScenarioResult Scenario(string name) =>
        Scenarios.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"The run has no scenario '{name}'.");

    /// <summary>An instrument of the service by name, if it was captured.</summary>
    /// <param name="name">The instrument's name.</param>
    public InstrumentSummary? Instrument(string name) => WhiteBox.FirstOrDefault(i => i.Name == name);
}

