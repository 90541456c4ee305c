using System.Text.Json.Serialization;
using PerfTesting.Baselines;
using PerfTesting.Reporting.Comparison;
using PerfTesting.Tables;

namespace PerfTesting.Reporting.Model;

/// <summary>
/// Everything a report shows, for one or many runs: the document the JSON exporter writes (schema
/// <see cref="CurrentSchema"/>, documented in docs/reference/report-schema.md) and the HTML and Markdown exporters render.
/// </summary>
/// <param name="Title">The report's heading.</param>
/// <param name="GeneratedAt">When it was written.</param>
/// <param name="Environment">Where the runs were measured.</param>
/// <param name="Runs">The runs, in the order they ran.</param>
/// <param name="Notes">Free text the producer adds (profile used, what could not run here and why).</param>
public sealed record PerfReport(
    string Title,
    DateTimeOffset GeneratedAt,
    EnvironmentFingerprint Environment,
    IReadOnlyList<RunReport> Runs,
    IReadOnlyList<string> Notes)
{
    /// <summary>The schema this library writes.</summary>
    public const string CurrentSchema = "perftesting.report/v1";

    /// <summary>Tables the producer added beside the runs (per endpoint, per size, cost models), rendered after the summary.</summary>
    public IReadOnlyList<ReportTable> Tables { get; init; } = [];

    /// <summary>A/B comparisons the producer ran beside the runs (each with every round's figures, so its verdicts can be recomputed).</summary>
    public IReadOnlyList<ABReport> Comparisons { get; init; } = [];

    /// <summary>The document's schema version.</summary>
    [JsonPropertyOrder(-1)]
    public string Schema { get; init; } = CurrentSchema;
}
