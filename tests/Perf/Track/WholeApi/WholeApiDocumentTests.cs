using System.Text;
using PerfTesting.Baselines;
using PerfTesting.Reporting.Model;
using PerfTesting.Tables;

namespace Tests.Perf.Track.WholeApi;

/// <summary>docs/performance-report.md's whole-API section is the report's tables, cell for cell.</summary>
public sealed class WholeApiDocumentTests
{
    [Fact]
    public void Render_WritesTheWholeApiTablesOfTheReport_AndOnlyThose()
    {
        var report = new PerfReport("t", DateTimeOffset.UnixEpoch, EnvironmentFingerprint.Capture(), [], ["Whole API (Track/WholeApi): 39 s in all", "other note"])
        {
            Tables =
            [
                new ReportTable(WholeApiTables.AuthTitle, "How it was measured.", ["request", "mean ms"], [["a|b", "0.5"]]),
                new ReportTable("Lambda versus ECS", null, ["x"], [["1"]]),
            ],
        };
        var md = new StringBuilder();

        WholeApiDocument.Render(md, report);
        var text = md.ToString();

        Assert.Contains("### Authentication overhead\nHow it was measured.\n\n| request | mean ms |\n|---|---|\n| a\\|b | 0.5 |\n", text);
        Assert.Contains("Whole API (Track/WholeApi): 39 s in all", text);
        Assert.DoesNotContain("Lambda", text);
        Assert.DoesNotContain("other note", text);
    }

    [Fact]
    public void Render_WithoutTables_SaysSo()
    {
        var md = new StringBuilder();

        WholeApiDocument.Render(md, new PerfReport("t", DateTimeOffset.UnixEpoch, EnvironmentFingerprint.Capture(), [], []));

        Assert.Contains("no whole-API tables", md.ToString());
    }
}
