namespace PerfTesting.Reporting.Charts;

/// <summary>Draws one or more series as lines in a self-contained inline SVG (no scripts, no network).</summary>
internal static class LineChart
{
    private const int Width = 720;
    private const int Height = 300;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 44;
    private const int Bottom = 46;

    private static readonly double[] PercentileTicks = [0, 50, 90, 99, 99.9, 99.99, 99.999];

    /// <summary>Renders the chart.</summary>
    /// <param name="title">The heading drawn above the plot.</param>
    /// <param name="xLabel">The horizontal axis' label.</param>
    /// <param name="yLabel">The vertical axis' label, with its unit.</param>
    /// <param name="series">The lines; empty series are skipped.</param>
    /// <param name="xAxis">Linear, or percentiles spread over the tail.</param>
    /// <returns>An <c>&lt;svg&gt;</c> element.</returns>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, XAxisKind xAxis = XAxisKind.Linear)
    {
        ArgumentNullException.ThrowIfNull(series);
        var canvas = new SvgCanvas(Width, Height, title);
        canvas.Text(Width / 2.0, 20, title, size: 14, fill: "#111111", extra: "font-weight=\"bold\"");
        var drawn = series.Where(s => s.Points.Count > 0).ToList();
        if (drawn.Count == 0)
        {
            canvas.Text(Width / 2.0, Height / 2.0, "no data");
            return canvas.ToString();
        }

        Func<double, double> spread = xAxis == XAxisKind.Percentile ? PercentileSpread : x => x;
        var points = drawn.SelectMany(s => s.Points).ToList();
        var xMin = points.Min(p => spread(p.X));
        var xMax = points.Max(p => spread(p.X));
        if (xMax <= xMin)
        {
            xMax = xMin + 1;
        }

        var yTicks = AxisTicks.Nice(Math.Min(0, points.Min(p => p.Y)), points.Max(p => p.Y));
        var yMin = yTicks[0];
        var yMax = yTicks[^1];
        double PlotX(double x) => Left + (spread(x) - xMin) / (xMax - xMin) * (Width - Left - Right);
        double PlotY(double y) => Height - Bottom - (y - yMin) / (yMax - yMin) * (Height - Top - Bottom);

        foreach (var tick in yTicks)
        {
            canvas.Line(Left, PlotY(tick), Width - Right, PlotY(tick), "#e5e5e5");
            canvas.Text(Left - 6, PlotY(tick) + 4, AxisTicks.Label(tick), anchor: "end", size: 11);
        }

        var xTicks = xAxis == XAxisKind.Percentile
            ? PercentileTicks.Where(t => PercentileSpread(t) <= xMax + 1e-9).ToList()
            : AxisTicks.Nice(xMin, xMax).Where(t => t >= xMin - 1e-9 && t <= xMax + 1e-9).ToList();
        foreach (var tick in xTicks)
        {
            canvas.Line(PlotX(tick), Height - Bottom, PlotX(tick), Height - Bottom + 4, "#999999");
            // A label at the right edge is right-aligned there, so its end ("99.999%") is not cut off by the frame.
            var atRightEdge = PlotX(tick) > Width - Right - 24;
            canvas.Text(atRightEdge ? Width - 2 : PlotX(tick), Height - Bottom + 16, xAxis == XAxisKind.Percentile ? tick.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "%" : AxisTicks.Label(tick),
                anchor: atRightEdge ? "end" : "middle", size: 11);
        }

        canvas.Line(Left, Height - Bottom, Width - Right, Height - Bottom, "#666666");
        canvas.Line(Left, Top, Left, Height - Bottom, "#666666");
        canvas.Text(Left + (Width - Left - Right) / 2.0, Height - 8, xLabel, size: 11);
        canvas.Text(14, Top + (Height - Top - Bottom) / 2.0, yLabel, size: 11, extra: $"transform=\"rotate(-90 14 {SvgCanvas.Number(Top + (Height - Top - Bottom) / 2.0)})\"");

        for (var i = 0; i < drawn.Count; i++)
        {
            var colour = ChartPalette.For(i);
            canvas.Polyline(drawn[i].Points.Select(p => (PlotX(p.X), PlotY(p.Y))), colour, drawn[i].Name);
            var legendX = Left + 8 + i * 150;
            canvas.Rect(legendX, Top - 18, 10, 10, colour);
            canvas.Text(legendX + 14, Top - 9, drawn[i].Name, anchor: "start", size: 11);
        }

        return canvas.ToString();
    }

    // 1/(1-p) on a log scale: 90% -> 1, 99% -> 2, 99.9% -> 3, like HdrHistogram's percentile plots.
    // 100% (the maximum) would be infinitely far; it is drawn at 99.999%.
    private static double PercentileSpread(double percentile) =>
        Math.Log10(1 / (1 - Math.Clamp(percentile, 0, 99.999) / 100));
}
