using PerfTesting.Reporting.Model;

namespace PerfTesting.Reporting.Exporters;

/// <summary>Writes a report in one format (the BenchmarkDotNet exporter recipe: interface, presets, composite).</summary>
public interface IReportExporter
{
    /// <summary>The file name this exporter writes in a report folder, e.g. report.html.</summary>
    string FileName { get; }

    /// <summary>Writes the report.</summary>
    /// <param name="report">What to write.</param>
    /// <param name="output">Where to; left open.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    ValueTask ExportAsync(PerfReport report, Stream output, CancellationToken cancellationToken = default);
}
