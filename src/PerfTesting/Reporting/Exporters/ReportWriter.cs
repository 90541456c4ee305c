using PerfTesting.Reporting.Model;

namespace PerfTesting.Reporting.Exporters;

/// <summary>Writes a report with several exporters into one folder (the composite of the exporter recipe).</summary>
public sealed class ReportWriter
{
    /// <summary>Creates a writer over <paramref name="exporters"/>.</summary>
    /// <param name="exporters">The formats to write.</param>
    public ReportWriter(IReadOnlyList<IReportExporter> exporters)
    {
        ArgumentNullException.ThrowIfNull(exporters);
        if (exporters.Select(e => e.FileName).Distinct(StringComparer.Ordinal).Count() != exporters.Count)
        {
            throw new ArgumentException("Two exporters would write the same file.", nameof(exporters));
        }

        Exporters = exporters;
    }

    /// <summary>results.json, report.md, report.html and histogram.hlog.</summary>
    public static ReportWriter All { get; } = new([JsonReportExporter.Full, MarkdownReportExporter.GitHub, HtmlReportExporter.Default, HdrHistogramLogExporter.Default]);

    /// <summary>The exporters, in the order they write.</summary>
    public IReadOnlyList<IReportExporter> Exporters { get; }

    /// <summary>Writes every format into <paramref name="directory"/> (created if needed).</summary>
    /// <param name="report">The report.</param>
    /// <param name="directory">The folder, e.g. artifacts/perf.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>The paths written.</returns>
    public async Task<IReadOnlyList<string>> WriteAsync(PerfReport report, string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var exporter in Exporters)
        {
            var path = Path.Combine(directory, exporter.FileName);
            var file = File.Create(path);
            await using (file.ConfigureAwait(false))
            {
                await exporter.ExportAsync(report, file, cancellationToken).ConfigureAwait(false);
            }

            written.Add(path);
        }

        return written;
    }
}
