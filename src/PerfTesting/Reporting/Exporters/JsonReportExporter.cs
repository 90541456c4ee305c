using System.Text.Json;
using System.Text.Json.Serialization;
using PerfTesting.Reporting.Model;

namespace PerfTesting.Reporting.Exporters;

/// <summary>Writes the report as JSON, schema <see cref="PerfReport.CurrentSchema"/> (docs/reference/report-schema.md).</summary>
public sealed class JsonReportExporter : IReportExporter
{
    private readonly JsonSerializerOptions _options;

    private JsonReportExporter(bool indented, bool includeHistograms)
    {
        IncludeHistograms = includeHistograms;
        _options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Converters = { new JsonStringEnumConverter() },
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
    }

    /// <summary>Indented, with every encoded histogram: results.json.</summary>
    public static JsonReportExporter Full { get; } = new(indented: true, includeHistograms: true);

    /// <summary>Indented, without encoded histograms: for reading and diffing.</summary>
    public static JsonReportExporter Brief { get; } = new(indented: true, includeHistograms: false);

    /// <summary>Whether encoded HdrHistograms are kept.</summary>
    public bool IncludeHistograms { get; }

    /// <inheritdoc />
    public string FileName => "results.json";

    /// <summary>The serializer options, for readers of results.json.</summary>
    public JsonSerializerOptions SerializerOptions => _options;

    /// <inheritdoc />
    public async ValueTask ExportAsync(PerfReport report, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var written = IncludeHistograms ? report : report with
        {
            Runs = [.. report.Runs.Select(r => r with { Histogram = null, Series = [.. r.Series.Select(s => s with { Histogram = null })] })],
        };
        await JsonSerializer.SerializeAsync(output, written, _options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a results.json written by this exporter.</summary>
    /// <param name="input">The JSON.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The report.</returns>
    public async ValueTask<PerfReport> ReadAsync(Stream input, CancellationToken cancellationToken = default)
    {
        var report = await JsonSerializer.DeserializeAsync<PerfReport>(input, _options, cancellationToken).ConfigureAwait(false);
        return report is not null && report.Schema == PerfReport.CurrentSchema
            ? report
            : throw new InvalidDataException($"Not a {PerfReport.CurrentSchema} document.");
    }
}
