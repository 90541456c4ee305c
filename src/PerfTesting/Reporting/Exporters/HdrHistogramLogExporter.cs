using System.Globalization;
using System.Text;
using HdrHistogram;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Model;

namespace PerfTesting.Reporting.Exporters;

/// <summary>
/// The HdrHistogram interval log format v1.3 (histogram.hlog): one interval per second of each run,
/// tagged with the run's name, so HdrHistogram's own tools (HistogramLogAnalyzer, HistogramLogProcessor)
/// read the data. Values are latencies in microseconds; Interval_Max is written in milliseconds.
/// A run without per-second histograms is written as one interval.
/// </summary>
/// <remarks>
/// Written by hand rather than with HdrHistogram.NET's HistogramLogWriter: that writer (2.5.0) emits
/// UTF-16 with a byte-order mark, which the Java and Python readers do not accept. The payload of
/// each line is still HdrHistogram's own compressed encoding.
/// </remarks>
public sealed class HdrHistogramLogExporter : IReportExporter
{
    private HdrHistogramLogExporter()
    {
    }

    /// <summary>Every run's intervals in one log.</summary>
    public static HdrHistogramLogExporter Default { get; } = new();

    /// <inheritdoc />
    public string FileName => "histogram.hlog";

    /// <summary>Renders the log text.</summary>
    /// <param name="report">The report.</param>
    /// <returns>ASCII text in the interval log format.</returns>
    public static string Render(PerfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var start = report.Runs.Count == 0 ? report.GeneratedAt : report.Runs.Min(r => r.StartedAt);
        var log = new StringBuilder();
        log.Append("#[Histogram log format version 1.3]\n");
        log.Append(CultureInfo.InvariantCulture, $"#[StartTime: {Seconds(start.ToUnixTimeMilliseconds())} (seconds since epoch), {start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}]\n");
        log.Append(CultureInfo.InvariantCulture, $"#[BaseTime: {Seconds(start.ToUnixTimeMilliseconds())} (seconds since epoch)]\n");
        log.Append("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n");
        foreach (var run in report.Runs)
        {
            var tag = Tag(run.Name);
            var perSecond = run.Series.Where(s => s.Histogram is not null).ToList();
            if (perSecond.Count > 0)
            {
                foreach (var second in perSecond)
                {
                    Interval(log, tag, run.StartedAt.AddSeconds(second.Second) - start, 1, second.Histogram!);
                }
            }
            else if (run.Histogram is not null)
            {
                Interval(log, tag, run.StartedAt - start, run.DurationSeconds, run.Histogram);
            }
        }

        return log.ToString();
    }

    /// <inheritdoc />
    public async ValueTask ExportAsync(PerfReport report, Stream output, CancellationToken cancellationToken = default)
    {
        await output.WriteAsync(Encoding.ASCII.GetBytes(Render(report)), cancellationToken).ConfigureAwait(false);
    }

    private static void Interval(StringBuilder log, string tag, TimeSpan offset, double lengthSeconds, string encoded)
    {
        var maxMs = HistogramCodec.Decode(encoded).GetMaxValue() / 1000.0;
        log.Append(CultureInfo.InvariantCulture, $"Tag={tag},{offset.TotalSeconds:0.000},{lengthSeconds:0.000},{maxMs:0.000},{encoded}\n");
    }

    private static string Seconds(long unixMilliseconds) => (unixMilliseconds / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    // The format separates fields with commas and readers match tags as plain words.
    private static string Tag(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
