using System.Globalization;
using System.Net;
using System.Text;
using PerfTesting.History.Analysis;
using PerfTesting.Metrics;

namespace PerfTesting.History.Rendering;

/// <summary>One series as an inline SVG: the runs as a line, each segment's level, and each change point marked with its commit.</summary>
internal static class TrendChart
{
    private const int Width = 760;
    private const int Height = 280;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 40;
    private const int Bottom = 40;

    public static string Render(SeriesAnalysis series)
    {
        var title = $"{series.Scenario}: {series.Metric}";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Escape(title)}\">");
        svg.Append("<title>").Append(Escape(title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        Text(svg, Width / 2.0, 20, title, "middle", 14, "font-weight=\"bold\"");
        var values = series.Points.Select(p => p.Value).ToList();
        if (values.Count == 0)
        {
            return svg.Append("</svg>").ToString();
        }

        // A flat zero series (no errors) still gets a readable axis: 0 to 1% for a rate, 0 to 1 otherwise.
        var ticks = Ticks(Math.Min(0, values.Min()), Math.Max(values.Max(), series.Metric == PerfMetric.ErrorRate ? 0.01 : 1));
        double X(double index) => Left + (values.Count == 1 ? 0.5 : index / (values.Count - 1)) * (Width - Left - Right);
        double Y(double value) => Height - Bottom - (value - ticks[0]) / (ticks[^1] - ticks[0]) * (Height - Top - Bottom);
        foreach (var tick in ticks)
        {
            Line(svg, Left, Y(tick), Width - Right, Y(tick), "#e5e5e5", 1, null);
            Text(svg, Left - 6, Y(tick) + 4, tick.ToString("G4", CultureInfo.InvariantCulture), "end", 11, null);
        }

        Text(svg, 14, Height / 2.0, series.Metric == PerfMetric.ErrorRate ? $"{series.Metric} (share of requests)" : $"{series.Metric} ({series.Metric.Unit()})", "middle", 11, $"transform=\"rotate(-90 14 {Num(Height / 2.0)})\"");
        Text(svg, (Left + Width - Right) / 2.0, Height - 8, $"run (oldest to newest, {values.Count} runs)", "middle", 11, null);

        // Each segment's level (mean, as the detector saw it) as a horizontal line.
        var bounds = new List<int> { 0 };
        bounds.AddRange(series.ChangePoints.Select(c => c.Position));
        bounds.Add(values.Count);
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var level = i < series.ChangePoints.Count ? series.ChangePoints[i].Before.Mean : series.ChangePoints.Count > 0 ? series.ChangePoints[^1].After.Mean : values.Average();
            Line(svg, X(bounds[i]), Y(level), X(Math.Max(bounds[i], bounds[i + 1] - 1)), Y(level), "#009E73", 3, null);
        }

        var line = string.Join(' ', values.Select((v, i) => $"{Num(X(i))},{Num(Y(v))}"));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\" points=\"{line}\"/>");
        for (var i = 0; i < values.Count; i++)
        {
            var point = series.Points[i];
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Num(X(i))}\" cy=\"{Num(Y(values[i]))}\" r=\"3\" fill=\"#0072B2\"><title>{Escape($"{HistoryFormat.ShortCommit(point.Commit)} {point.RecordedAt:u}: {series.Metric.Value(point.Value)}")}</title></circle>");
        }

        foreach (var change in series.ChangePoints)
        {
            var x = X(change.Position - 0.5);
            var colour = change.IsRegression ? "#D55E00" : "#009E73";
            Line(svg, x, Top, x, Height - Bottom, colour, 2, "6 4");
            Text(svg, x + 4, Top + 10, $"{HistoryFormat.ShortCommit(change.Commit)} {series.Metric.Change(change.Change)}", "start", 11, $"fill=\"{colour}\"");
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string stroke, double width, string? dash) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Num(x1)}\" y1=\"{Num(y1)}\" x2=\"{Num(x2)}\" y2=\"{Num(y2)}\" stroke=\"{stroke}\" stroke-width=\"{Num(width)}\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, int size, string? extra) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x)}\" y=\"{Num(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" font-family=\"sans-serif\"{(extra is null || extra.StartsWith("fill", StringComparison.Ordinal) ? "" : " fill=\"#333333\"")}{(extra is null ? "" : " " + extra)}>{Escape(text)}</text>");

    /// <summary>About five round ticks from min to max (1, 2 or 5 times a power of ten apart).</summary>
    private static List<double> Ticks(double min, double max)
    {
        var raw = (max - min) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        var ticks = new List<double>();
        for (var tick = Math.Floor(min / step) * step; tick < max + step; tick += step)
        {
            ticks.Add(Math.Round(tick, 10));
        }

        return ticks;
    }

    private static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
