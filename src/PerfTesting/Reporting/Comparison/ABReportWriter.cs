using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PerfTesting.Comparison;
using PerfTesting.Reporting.Charts;
using PerfTesting.Tables;

namespace PerfTesting.Reporting.Comparison;

/// <summary>
/// Writes an A/B report: <c>report.md</c> (GitHub Markdown, the pull-request comment), <c>report.html</c>
/// (one self-contained file: the table and per-round charts, no network) and <c>results.json</c>
/// (schema <see cref="ABReport.SchemaName"/>: every round's figures, so anyone can recompute the verdicts).
/// Numbers are culture-invariant.
/// </summary>
public static class ABReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the three files into <paramref name="directory"/> (created when missing).</summary>
    /// <param name="report">The report.</param>
    /// <param name="directory">Where to write.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    public static async Task WriteAsync(ABReport report, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), Markdown(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), Html(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "results.json"), JsonText(report), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>results.json's text.</summary>
    /// <param name="report">The report.</param>
    public static string JsonText(ABReport report) => JsonSerializer.Serialize(report, Json);

    /// <summary>report.md's text: what was compared, the verdict table, and every round in a collapsed section.</summary>
    /// <param name="report">The report.</param>
    public static string Markdown(ABReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("## ").Append(report.Title).Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"A = **{report.A.Label}** {Code(report.A.Revision)}{Sentence(report.A.Description)}; B = **{report.B.Label}** {Code(report.B.Revision)}{Sentence(report.B.Description)}.\n");
        md.Append(CultureInfo.InvariantCulture, $"Both ran on the same machine in the same job ({report.Machine}). Workload: {report.Workload}\n\n");
        md.Append(ABComparisonTable.Markdown(report.Comparison)).Append('\n');
        md.Append("A and B are each side's median over the usable rounds; *per-round change* is the Hodges-Lehmann estimate of B against A within the same round (the figure the verdict judges), so it need not equal the ratio of the two medians.\n");
        md.Append("Verdicts: **Regressed**/**Improved** when the change is significant (its confidence interval, as the headline gives it, excludes zero) and the interval reaches the tolerance; **Same** when the interval lies within the tolerance (or the change is significant but smaller); **Inconclusive** when the rounds cannot resolve a change of the tolerance's size (the *resolves* column is the smallest change they could). Regressed fails the job; what Inconclusive does is the gate's policy (perftest compare --inconclusive, the report's first line).\n");
        foreach (var note in report.Notes)
        {
            md.Append("\n- ").Append(note);
        }

        md.Append('\n');
        return md.ToString();
    }

    /// <summary>report.html's text.</summary>
    /// <param name="report">The report.</param>
    public static string Html(ABReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.Comparison;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(report.Title)).Append("</title><style>")
            .Append("body{font-family:sans-serif;margin:24px;color:#111}").Append(HtmlTable.Css)
            .Append(".Regressed{color:#c62828;font-weight:bold}.Improved{color:#2e7d32;font-weight:bold}.Inconclusive{color:#a15c00}.note{color:#555}.charts{display:flex;flex-wrap:wrap;gap:12px}")
            .Append("</style></head><body>");
        html.Append("<h1>").Append(E(report.Title)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>A = <b>{E(report.A.Label)}</b> {E(report.A.Revision ?? string.Empty)} {E(report.A.Description ?? string.Empty)}<br>B = <b>{E(report.B.Label)}</b> {E(report.B.Revision ?? string.Empty)} {E(report.B.Description ?? string.Empty)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(report.Machine)}. Generated {report.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z. Workload: {E(report.Workload)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<h2 class=\"{c.Overall}\">{E(ABComparisonTable.Headline(c))}</h2>");
        html.Append(HtmlTable.Grid(ABComparisonTable.Table(c))).Append("<div class=\"charts\">");
        html.Append(RoundChart(c, "p50 by round", "ms", s => s.P50));
        html.Append(RoundChart(c, "p99 by round", "ms", s => s.P99));
        html.Append(RoundChart(c, "Throughput by round", "requests/s", s => s.Throughput));
        html.Append("</div>").Append(HtmlTable.Render(ABComparisonTable.RoundsTable(c), "h3"));
        if (report.Notes.Count > 0)
        {
            html.Append("<ul>");
            foreach (var note in report.Notes)
            {
                html.Append("<li>").Append(E(note)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static string RoundChart(ABComparison comparison, string title, string unit, Func<ABSample, double> value) =>
        LineChart.Render(title, "round", unit,
        [
            new ChartSeries("A", [.. comparison.Rounds.Select(r => new ChartPoint(r.Index, value(r.A)))]),
            new ChartSeries("B", [.. comparison.Rounds.Select(r => new ChartPoint(r.Index, value(r.B)))]),
        ]);

    private static string Code(string? revision) => revision is null ? string.Empty : $"`{revision}`";

    private static string Sentence(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : $" ({text})";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
