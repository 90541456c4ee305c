namespace PerfTesting.Reporting.Charts;

/// <summary>Chooses round tick values for an axis.</summary>
internal static class AxisTicks
{
    /// <summary>About <paramref name="count"/> round ticks from 0 (or the minimum, if negative) up to at least <paramref name="max"/>.</summary>
    public static IReadOnlyList<double> Nice(double min, double max, int count = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min)
        {
            max = min + 1;
        }

        var raw = (max - min) / count;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
        var start = Math.Floor(min / step) * step;
        var ticks = new List<double>();
        for (var tick = start; tick < max + step * 0.999 && ticks.Count < 20; tick += step)
        {
            ticks.Add(Math.Round(tick, 10));
        }

        return ticks;
    }

    /// <summary>A short label: 1.5k, 2M, 0.25.</summary>
    public static string Label(double value)
    {
        var abs = Math.Abs(value);
        return abs switch
        {
            >= 1e9 => SvgCanvas.Number(value / 1e9) + "G",
            >= 1e6 => SvgCanvas.Number(value / 1e6) + "M",
            >= 1e4 => SvgCanvas.Number(value / 1e3) + "k",
            _ => SvgCanvas.Number(value),
        };
    }
}
