using System.Globalization;
using System.Xml.Linq;
using PerfTesting.Reporting.Charts;

namespace Tests.Unit.Reporting.Charts;

public sealed class ChartTests
{
    private static readonly ChartSeries P99 = new("p99 <ms>", [new(0, 1.5), new(1, 2.25), new(2, 40.125)]);
    private static readonly ChartSeries P50 = new("p50", [new(0, 1), new(1, 1.1), new(2, 1.2)]);

    [Fact]
    public void LineChart_TwoSeries_IsWellFormedSvgWithOneLineEach()
    {
        var svg = XElement.Parse(LineChart.Render("Latency over time", "seconds", "ms", [P50, P99]));

        var lines = svg.Descendants().Where(e => e.Name.LocalName == "polyline").ToList();
        Assert.Equal(["p50", "p99 <ms>"], lines.Select(l => (string?)l.Attribute("data-series")));
        Assert.All(lines, l => Assert.Equal(3, ((string)l.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Fact]
    public void LineChart_UnderACommaDecimalCulture_WritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
            var svg = XElement.Parse(LineChart.Render("t", "x", "y", [P99]));

            var points = (string)svg.Descendants().Single(e => e.Name.LocalName == "polyline").Attribute("points")!;
            Assert.All(points.Split(' ', StringSplitOptions.RemoveEmptyEntries), p =>
            {
                var xy = p.Split(',');
                Assert.Equal(2, xy.Length);
                Assert.True(double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            });
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void LineChart_PercentileAxis_LabelsTheTail()
    {
        var curve = new ChartSeries("latency", [new(0, 1), new(50, 2), new(90, 3), new(99, 10), new(99.9, 50)]);

        var svg = LineChart.Render("Latency by percentile", "percentile", "ms", [curve], XAxisKind.Percentile);

        Assert.Contains(">99%<", svg, StringComparison.Ordinal);
        Assert.Contains(">99.9%<", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">99.99%<", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void LineChart_NoPoints_SaysSo()
    {
        Assert.Contains("no data", LineChart.Render("t", "x", "y", [new ChartSeries("empty", [])]), StringComparison.Ordinal);
    }

    [Fact]
    public void BarChart_RunsSideBySide_DrawsABarPerRunAndSeries()
    {
        var svg = XElement.Parse(BarChart.Render("p50 and p99 by run", "ms", ["s3", "postgres", "presigned"], [("p50", [1, 2, 0.5]), ("p99", [10, 20, 5])]));

        var bars = svg.Descendants().Where(e => e.Name.LocalName == "rect" && e.Elements().Any(c => c.Name.LocalName == "title")).ToList();
        Assert.Equal(6, bars.Count);
        Assert.Contains(bars, b => b.Value == "postgres p99: 20");
    }

    [Fact]
    public void BarChart_MissingValue_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => BarChart.Render("t", "y", ["a", "b"], [("s", [1])]));
    }

    [Fact]
    public void BarChart_NoCategories_SaysSo()
    {
        Assert.Contains("no data", BarChart.Render("t", "y", [], []), StringComparison.Ordinal);
    }
}
