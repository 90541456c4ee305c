namespace PerfTesting.Reporting.Charts;

/// <summary>Draws grouped bars (one group per category, one bar per series) as an inline SVG.</summary>
internal static class BarChart
{
    private const int Height = 300;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 34;
    private const int Bottom = 60;

    /// <summary>Renders the chart.</summary>
    /// <param name="title">The heading.</param>
    /// <param name="yLabel">The vertical axis' label, with its unit.</param>
    /// <param name="categories">The groups along the horizontal axis (for example the runs compared).</param>
    /// <param name="series">Per series, one value per category (for example p50 and p99).</param>
    /// <returns>An <c>&lt;svg&gt;</c> element.</returns>
    public static string Render(string title, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Any(s => s.Values.Count != categories.Count))
        {
            throw new ArgumentException("Every series needs one value per category.", nameof(series));
        }

        var width = Math.Max(480, Left + Right + categories.Count * Math.Max(1, series.Count) * 28 + categories.Count * 24);
        var canvas = new SvgCanvas(width, Height, title);
        canvas.Text(width / 2.0, 20, title, size: 14, fill: "#111111", extra: "font-weight=\"bold\"");
        if (categories.Count == 0 || series.Count == 0)
        {
            canvas.Text(width / 2.0, Height / 2.0, "no data");
            return canvas.ToString();
        }

        var yTicks = AxisTicks.Nice(0, series.SelectMany(s => s.Values).DefaultIfEmpty(1).Max());
        var yMax = yTicks[^1];
        double PlotY(double y) => Height - Bottom - y / yMax * (Height - Top - Bottom);
        foreach (var tick in yTicks)
        {
            canvas.Line(Left, PlotY(tick), width - Right, PlotY(tick), "#e5e5e5");
            canvas.Text(Left - 6, PlotY(tick) + 4, AxisTicks.Label(tick), anchor: "end", size: 11);
        }

        var groupWidth = (width - Left - Right) / (double)categories.Count;
        var barWidth = groupWidth * 0.8 / series.Count;
        for (var c = 0; c < categories.Count; c++)
        {
            var groupLeft = Left + c * groupWidth + groupWidth * 0.1;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[c];
                canvas.Rect(groupLeft + s * barWidth, PlotY(value), barWidth - 2, PlotY(0) - PlotY(value), ChartPalette.For(s),
                    $"{categories[c]} {series[s].Name}: {AxisTicks.Label(value)}");
            }

            canvas.Text(groupLeft + groupWidth * 0.4, Height - Bottom + 16, categories[c], size: 11);
        }

        canvas.Line(Left, Height - Bottom, width - Right, Height - Bottom, "#666666");
        canvas.Text(14, Top + (Height - Top - Bottom) / 2.0, yLabel, size: 11, extra: $"transform=\"rotate(-90 14 {SvgCanvas.Number(Top + (Height - Top - Bottom) / 2.0)})\"");
        for (var s = 0; s < series.Count; s++)
        {
            var legendX = Left + 8 + s * 130;
            canvas.Rect(legendX, Height - 24, 10, 10, ChartPalette.For(s));
            canvas.Text(legendX + 14, Height - 15, series[s].Name, anchor: "start", size: 11);
        }

        return canvas.ToString();
    }
}
