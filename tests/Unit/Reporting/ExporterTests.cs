using System.Globalization;
using System.Text;
using System.Xml.Linq;
using HdrHistogram;
using PerfTesting.Reporting.Exporters;

namespace Tests.Unit.Reporting;

public sealed class ExporterTests
{
    [Fact]
    public async Task Markdown_GitHubPreset_MatchesApprovedSnapshot()
    {
        Approvals.Verify(await ExportAsync(MarkdownReportExporter.GitHub), "report.md");
    }

    [Fact]
    public async Task Markdown_CompactPreset_LeavesOutFindingsAndNotes()
    {
        var markdown = await ExportAsync(MarkdownReportExporter.Compact);

        Assert.DoesNotContain("### Findings", markdown, StringComparison.Ordinal);
        Assert.Contains("### SLA: 1 of 4 broken", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Full_MatchesApprovedSnapshotAndReadsBack()
    {
        var json = await ExportAsync(JsonReportExporter.Full);

        Approvals.Verify(json, "results.json");
        var read = await JsonReportExporter.Full.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), TestContext.Current.CancellationToken);
        Assert.Equal(SampleReports.TwoRuns().Runs[1].Latency, read.Runs[1].Latency);
        Assert.Equal("perftesting.report/v1", read.Schema);
    }

    [Fact]
    public void Markdown_InformationalBaseline_LabelsEveryVerdictInformational()
    {
        var report = SampleReports.TwoRuns();
        var run = report.Runs[0];
        var informational = report with { Runs = [run with { Baseline = run.Baseline! with { Informational = true } }] };

        var markdown = MarkdownReportExporter.GitHub.Render(informational);

        Assert.Contains("❌ Regressed (informational) |", markdown, StringComparison.Ordinal);
        Assert.Contains("✅ Same (informational) |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("❌ Regressed (informational) |", MarkdownReportExporter.GitHub.Render(report with { Runs = [run] }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Brief_DropsEncodedHistograms()
    {
        var json = await ExportAsync(JsonReportExporter.Brief);

        Assert.DoesNotContain("\"histogram\": \"", json, StringComparison.Ordinal);
        Assert.Contains("\"p99\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_OtherSchema_IsRejected()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"schema\":\"x/v9\",\"runs\":[],\"notes\":[]}"));

        await Assert.ThrowsAsync<InvalidDataException>(() => JsonReportExporter.Full.ReadAsync(stream, TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task Html_MatchesApprovedSnapshot()
    {
        Approvals.Verify(await ExportAsync(HtmlReportExporter.Default), "report.html");
    }

    [Fact]
    public async Task Html_IsSelfContainedWithEveryChart()
    {
        var html = await ExportAsync(HtmlReportExporter.Default);

        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        foreach (var chart in new[] { "Latency by percentile", "Latency over time", "Throughput over time", "Errors over time", "Latency by run", "Throughput by run" })
        {
            Assert.Contains($"aria-label=\"{chart}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("download | postgres", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporters_UnderCommaDecimalCulture_WriteTheSameBytes()
    {
        var invariant = await ExportAsync(HtmlReportExporter.Default) + await ExportAsync(MarkdownReportExporter.GitHub) + await ExportAsync(JsonReportExporter.Full);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
            var russian = await ExportAsync(HtmlReportExporter.Default) + await ExportAsync(MarkdownReportExporter.GitHub) + await ExportAsync(JsonReportExporter.Full);
            Assert.Equal(invariant, russian);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task HdrHistogramLog_ReadsBackWithHdrHistogramsOwnReader()
    {
        var bytes = Encoding.UTF8.GetBytes(await ExportAsync(HdrHistogramLogExporter.Default));

        using var reader = new HistogramLogReader(new MemoryStream(bytes));
        var intervals = reader.ReadHistograms().ToList();

        Assert.Equal(6, intervals.Count);
        Assert.Equal(["download-s3", "download___postgres"], intervals.Select(h => h.Tag).Distinct());
        Assert.All(intervals, h => Assert.Equal(100, h.TotalCount));
    }

    [Fact]
    public async Task ReportWriter_All_WritesTheFourFiles()
    {
        var directory = Directory.CreateTempSubdirectory("report-").FullName;
        try
        {
            var written = await ReportWriter.All.WriteAsync(SampleReports.TwoRuns(), directory, TestContext.Current.CancellationToken);

            Assert.Equal(["results.json", "report.md", "report.html", "histogram.hlog"], written.Select(Path.GetFileName));
            Assert.All(written, path => Assert.True(new FileInfo(path).Length > 100));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void ReportWriter_TwoExportersForOneFile_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new ReportWriter([HtmlReportExporter.Default, HtmlReportExporter.Default]));
    }

    [Fact]
    public async Task GitHubStepSummary_WhenSet_AppendsTheMarkdown()
    {
        var path = Path.GetTempFileName();
        var previous = System.Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        try
        {
            System.Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", path);
            Assert.True(await MarkdownReportExporter.GitHub.AppendToGitHubStepSummaryAsync(SampleReports.TwoRuns(), TestContext.Current.CancellationToken));
            System.Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", null);
            Assert.False(await MarkdownReportExporter.GitHub.AppendToGitHubStepSummaryAsync(SampleReports.TwoRuns(), TestContext.Current.CancellationToken));

            Assert.StartsWith("## Registry performance", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", previous);
            File.Delete(path);
        }
    }

    [Fact]
    public void Html_SvgChartsAreWellFormed()
    {
        var html = HtmlReportExporter.Render(SampleReports.TwoRuns());
        var svgs = html.Split("<svg ").Skip(1).Select(part => "<svg " + part[..(part.IndexOf("</svg>", StringComparison.Ordinal) + 6)]);

        Assert.All(svgs, svg => XElement.Parse(svg));
    }

    private static async Task<string> ExportAsync(IReportExporter exporter)
    {
        using var stream = new MemoryStream();
        await exporter.ExportAsync(SampleReports.TwoRuns(), stream, TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
