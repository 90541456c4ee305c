using System.Globalization;
using System.Text.Json;
using PerfTesting.Comparison;
using PerfTesting.Reporting.Comparison;

namespace Tests.Unit.Reporting.Comparison;

public sealed class ABReportWriterTests
{
    [Fact]
    public async Task WriteAsync_WritesMarkdownHtmlAndJson_FromTheSameComparison()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ab-report-" + Guid.NewGuid().ToString("N"));
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("ru-RU"); // decimal comma: the files must not use it
        try
        {
            await ABReportWriter.WriteAsync(Report(), directory, TestContext.Current.CancellationToken);

            var md = await File.ReadAllTextAsync(Path.Combine(directory, "report.md"), TestContext.Current.CancellationToken);
            Assert.Contains("A = **base** `aaaa`", md, StringComparison.Ordinal);
            Assert.Contains("| metric | A (median) | B (median) | per-round change | confidence interval | resolves | p-value | verdict | why |", md, StringComparison.Ordinal);
            Assert.Contains("❌ Regressed", md, StringComparison.Ordinal);
            Assert.Contains("+10.0%", md, StringComparison.Ordinal);

            var html = await File.ReadAllTextAsync(Path.Combine(directory, "report.html"), TestContext.Current.CancellationToken);
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            Assert.Contains("class=\"Regressed\"", html, StringComparison.Ordinal);

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "results.json"), TestContext.Current.CancellationToken));
            Assert.Equal(ABReport.SchemaName, json.RootElement.GetProperty("schema").GetString());
            Assert.Equal(8, json.RootElement.GetProperty("comparison").GetProperty("rounds").GetArrayLength());
            Assert.Equal("Regressed", json.RootElement.GetProperty("comparison").GetProperty("metrics")[0].GetProperty("verdict").GetString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void For_AComparison_TitlesItLabelsTheSidesAndNamesThisMachine()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(1));

        var report = ABReport.For(Report().Comparison, "8 clients", time);

        Assert.Equal("A/B: download", report.Title);
        Assert.Equal(("A", "B"), (report.A.Label, report.B.Label));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), report.GeneratedAt);
        Assert.Contains($"{Environment.ProcessorCount} cores", report.Machine, StringComparison.Ordinal);
        Assert.Equal("8 clients", report.Workload);
    }

    [Fact]
    public async Task NoRegressionAsync_Regressed_WritesTheReportThenFailsWithItsPath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ab-assert-" + Guid.NewGuid().ToString("N"));
        try
        {
            var failure = await Assert.ThrowsAsync<PerfTesting.Xunit.Comparison.ABRegressionException>(
                () => PerfTesting.Xunit.Comparison.ABAssert.NoRegressionAsync(Report().Comparison, "8 clients", folder));

            var written = Path.Combine(folder, "download");
            Assert.Equal(["report.html", "report.md", "results.json"], Directory.GetFiles(written).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Contains(Path.Combine(written, "report.html"), failure.Message, StringComparison.Ordinal);
            Assert.Contains("per-round change", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static ABReport Report()
    {
        var rounds = Enumerable.Range(1, 8).Select(i => new ABRound(i, i % 2 == 0 ? ABSide.A : ABSide.B,
            new ABSample(1000, 20 + (i * 0.01), 30, 40, 1000, 0),
            new ABSample(1000, 22 + (i * 0.011), 33, 44, 1000 / 1.1, 0))).ToList();
        var options = new ABOptions { Rounds = 8 };
        var comparison = new ABComparison("download", 42, options, rounds, ABComparer.Compare(rounds, options), TimeSpan.FromSeconds(30));
        return new ABReport("Performance: head compared with base", DateTimeOffset.UnixEpoch, "Test CPU, 2 cores",
            new ABSideInfo("base", "aaaa", "main"), new ABSideInfo("head", "bbbb", "a change"), "8 clients", comparison, ["a note"]);
    }
}
