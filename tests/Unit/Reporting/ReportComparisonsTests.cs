using PerfTesting.Comparison;
using PerfTesting.Reporting.Comparison;
using PerfTesting.Reporting.Exporters;
using PerfTesting.Metrics;

namespace Tests.Unit.Reporting;

public sealed class ReportComparisonsTests
{
    [Fact]
    public async Task Json_KeepsComparisonsWithEveryRoundAndReadsThemBack()
    {
        var ab = Report();
        var comparison = ab.Comparison;
        var rounds = comparison.Rounds;
        using var stream = new MemoryStream();

        await JsonReportExporter.Full.ExportAsync(SampleReports.TwoRuns() with { Comparisons = [ab] }, stream, TestContext.Current.CancellationToken);
        var read = await JsonReportExporter.Full.ReadAsync(new MemoryStream(stream.ToArray()), TestContext.Current.CancellationToken);

        var back = Assert.Single(read.Comparisons);
        Assert.Equal(8, back.Comparison.Rounds.Count);
        Assert.Equal(rounds[3].B.P50, back.Comparison.Rounds[3].B.P50);
        Assert.Equal(ABSchedule.Interleaved, back.Comparison.Options.Schedule);
        Assert.Equal(comparison.Overall, back.Comparison.Overall);
        Assert.Equal(Verdict.Regressed, back.Comparison.Metric(PerfMetric.P50).Verdict);
        Assert.Equal("Interleaved: why", Assert.Single(back.Notes));
    }

    [Fact]
    public void Markdown_RendersEachComparisonWithItsVerdictAndRounds()
    {
        var markdown = MarkdownReportExporter.GitHub.Render(SampleReports.TwoRuns() with { Comparisons = [Report()] });

        Assert.Contains("### presigned-urls", markdown, StringComparison.Ordinal);
        Assert.Contains("A/B 'presigned-urls': Regressed (8 rounds, A and B one after the other", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Rounds (A = base, B = head)</summary>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_ReportWithoutComparisons_ReadsAnEmptyList()
    {
        using var stream = new MemoryStream();

        await JsonReportExporter.Full.ExportAsync(SampleReports.TwoRuns(), stream, TestContext.Current.CancellationToken);
        var read = await JsonReportExporter.Full.ReadAsync(new MemoryStream(stream.ToArray()), TestContext.Current.CancellationToken);

        Assert.Empty(read.Comparisons);
    }

    // Rounds where B is 10% slower at p50 in every round: a Regressed verdict.
    private static ABReport Report()
    {
        var rounds = Enumerable.Range(1, 8).Select(i => new ABRound(i, i % 2 == 0 ? ABSide.A : ABSide.B,
            new ABSample(200, 20 + (i * 0.01), 30, 40, 1000, 0),
            new ABSample(200, 22 + (i * 0.011), 33, 44, 1000 / 1.1, 0))).ToList();
        var options = new ABOptions { Rounds = 8, Schedule = ABSchedule.Interleaved };
        var comparison = new ABComparison("presigned-urls", 42, options, rounds, ABComparer.Compare(rounds, options), TimeSpan.FromSeconds(30));
        return new ABReport("presigned-urls", DateTimeOffset.UnixEpoch, "Test CPU, 2 cores",
            new ABSideInfo("baseline-s3", null, "baseline"), new ABSideInfo("presigned-urls", null, "redirect"), "100 clients", comparison, ["Interleaved: why"]);
    }
}
