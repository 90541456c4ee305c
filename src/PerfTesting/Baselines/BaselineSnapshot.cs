using System.Text.Json.Serialization;

namespace PerfTesting.Baselines;

/// <summary>
/// One run as a baseline file holds it: the summary, the full latency distribution (an encoded
/// HdrHistogram of microseconds), the per-second throughput, and where it was measured. The JSON
/// shape is versioned by <see cref="Schema"/>.
/// </summary>
/// <param name="Name">The baseline's name (test and scenario), also its file name.</param>
/// <param name="CreatedAt">When the run ended.</param>
/// <param name="Environment">Where it ran.</param>
/// <param name="Summary">The headline numbers.</param>
/// <param name="LatencyHistogram">Base64 HdrHistogram (compressed V2 encoding) of latencies in microseconds.</param>
/// <param name="ThroughputSeries">Completed requests in each whole second of the measured window.</param>
public sealed record BaselineSnapshot(
    string Name,
    DateTimeOffset CreatedAt,
    EnvironmentFingerprint Environment,
    BaselineSummary Summary,
    string LatencyHistogram,
    IReadOnlyList<double> ThroughputSeries)
{
    /// <summary>The schema this library writes and reads.</summary>
    public const string CurrentSchema = "perftesting.baseline/v1";

    /// <summary>The file format's version, checked when a baseline is read.</summary>
    [JsonPropertyOrder(-1)]
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>
    /// Each second's latency histogram (encoded like <see cref="LatencyHistogram"/>), when the run kept
    /// them. Lets the comparison treat seconds as clusters; older baselines without it still compare.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SecondHistograms { get; init; }
}
