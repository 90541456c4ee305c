using System.Text;
using PerfTesting.Reporting.Exporters;
using PerfTesting.Reporting.Model;
using PerfTesting.Tables;

namespace Tests.Unit.Reporting;

public sealed class ReportTableTests
{
    private static readonly ReportTable BySize = new(
        "Storage by size",
        "Measured: one upload and download per bucket.",
        ["bucket", "MB/s", "note"],
        [["< 1 MiB", "12.5", "a|b"], ["1-10 MiB", "80.1", "<ok>"]]);

    [Fact]
    public void Markdown_RendersEachTableAfterTheSummaryWithEscapedCells()
    {
        var markdown = MarkdownReportExporter.GitHub.Render(WithTable(BySize));

        var heading = markdown.IndexOf("### Storage by size", StringComparison.Ordinal);
        Assert.True(heading > markdown.IndexOf("### Latency and throughput", StringComparison.Ordinal));
        Assert.Contains("Measured: one upload and download per bucket.", markdown, StringComparison.Ordinal);
        Assert.Contains("| bucket | MB/s | note |\n|---|---:|---:|\n| < 1 MiB | 12.5 | a\\|b |", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_RendersEachTableWithEncodedCells()
    {
        var html = HtmlReportExporter.Render(WithTable(BySize));

        Assert.Contains("<h2>Storage by size</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th>bucket</th><th>MB/s</th><th>note</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;ok&gt;</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_KeepsTablesAndReadsThemBack()
    {
        using var stream = new MemoryStream();
        await JsonReportExporter.Full.ExportAsync(WithTable(BySize), stream, TestContext.Current.CancellationToken);

        var read = await JsonReportExporter.Full.ReadAsync(new MemoryStream(stream.ToArray()), TestContext.Current.CancellationToken);

        var table = Assert.Single(read.Tables);
        Assert.Equal(BySize.Columns, table.Columns);
        Assert.Equal("80.1", table.Rows[1][1]);
        Assert.Contains("\"tables\"", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RowWithTheWrongNumberOfCells_Throws()
    {
        var table = BySize with { Rows = [["< 1 MiB", "12.5"]] };

        var error = Assert.Throws<ArgumentException>(() => MarkdownReportExporter.GitHub.Render(WithTable(table)));
        Assert.Contains("Row 0 of table 'Storage by size' has 2 cells for 3 columns", error.Message, StringComparison.Ordinal);
    }

    private static PerfReport WithTable(ReportTable table) => SampleReports.TwoRuns() with { Tables = [table] };
}
