using PerfTesting.Baselines;
using PerfTesting.Cli;
using PerfTesting.Cli.History;
using PerfTesting.Reporting.Exporters;
using PerfTesting.Reporting.Model;

namespace Tests.Unit.Cli;

public sealed class HistoryCommandTests : IDisposable
{
    private static readonly EnvironmentFingerprint Machine = new("Test CPU", 2, "Linux 6.1", ".NET 10.0.12", null);
    private readonly string _root = Directory.CreateTempSubdirectory("perftest-history-cli-").FullName;

    private string Db => "sqlite:" + Path.Combine(_root, "history.db");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task TwelveRecordedResults_ReportAChartPerMetric_WithTheStepsCommitMarked()
    {
        var ct = TestContext.Current.CancellationToken;
        // Runs 1 to 6 at 10 ms, 7 to 12 at 13 ms: a +30% step first measured at commit0007.
        for (var n = 1; n <= 12; n++)
        {
            var (exit, _, err) = await RecordAsync(await WriteResultsAsync(n, n <= 6 ? 10 : 13), $"commit{n:D4}");
            Assert.True(exit == ExitCodes.Success, err);
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var reportExit = await HistoryReportCommand.RunAsync(Db, Path.Combine(_root, "report"), 6, null, TimeProvider.System, stdout, stderr, ct);

        Assert.Equal(ExitCodes.Success, reportExit);
        var html = await File.ReadAllTextAsync(Path.Combine(_root, "report", "history.html"), ct);
        Assert.Equal(5, CountOf(html, "<svg "));
        Assert.Contains("commit0007 +30.0%", html, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(Path.Combine(_root, "report", "history.md"), ct);
        Assert.Contains("| download | p50 | ❌ +30.0% | `commit0007` |", markdown, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "report", "history.json")));
    }

    [Fact]
    public async Task Analyze_ExitsOne_OnlyWhileTheRegressionIsAmongTheLastRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var n = 1; n <= 12; n++)
        {
            await RecordAsync(await WriteResultsAsync(n, n <= 6 ? 10 : 13), $"commit{n:D4}");
        }

        var (recentExit, recentOut, _) = await AnalyzeAsync(6, Path.Combine(_root, "analysis.json"));
        var (olderExit, olderOut, _) = await AnalyzeAsync(5, null);

        Assert.Equal(ExitCodes.SlaFailed, recentExit);
        Assert.Contains("REGRESSION download P50: regression +30.0% at commit0007", recentOut, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, olderExit);
        Assert.Contains("regressions among the last 5 runs: 0", olderOut, StringComparison.Ordinal);
        await using var json = File.OpenRead(Path.Combine(_root, "analysis.json"));
        var analysis = await PerfTesting.History.Rendering.HistoryJsonWriter.ReadAsync(json, ct);
        var p50 = Assert.Single(analysis.Series, s => s.Metric == PerfTesting.Metrics.PerfMetric.P50);
        var point = Assert.Single(p50.ChangePoints);
        Assert.Equal((6, "commit0007", 10.0, 13.0), (point.Position, point.Commit, Math.Round(point.Before.Mean, 1), Math.Round(point.After.Mean, 1)));
    }

    [Fact]
    public async Task Record_KeepsEnvironmentsApart()
    {
        // The same figures from another build configuration are another series, never a change point.
        for (var n = 1; n <= 8; n++)
        {
            await RecordAsync(await WriteResultsAsync(n, 10), $"commit{n:D4}");
            await RecordAsync(await WriteResultsAsync(100 + n, 20), $"commit{n:D4}", configuration: "Debug");
        }

        var (exit, stdout, _) = await AnalyzeAsync(8, null);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("history: 2 scenario series, 0 change points", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_BadInput_ExitsTwoWithAMessage()
    {
        var notJson = Path.Combine(_root, "results.json");
        await File.WriteAllTextAsync(notJson, "not json", TestContext.Current.CancellationToken);
        var textFile = Path.Combine(_root, "notes.txt");
        await File.WriteAllTextAsync(textFile, "hello", TestContext.Current.CancellationToken);

        var missing = await RecordAsync(Path.Combine(_root, "missing.json"), "abc");
        var garbage = await RecordAsync(notJson, "abc");
        var foreignDb = await AnalyzeAsync(5, null, "sqlite:" + textFile);

        Assert.Equal((ExitCodes.Refused, ExitCodes.Refused, ExitCodes.Refused), (missing.Exit, garbage.Exit, foreignDb.Exit));
        Assert.Contains("missing.json does not exist", missing.Err, StringComparison.Ordinal);
        Assert.StartsWith("perftest history record: ", garbage.Err, StringComparison.Ordinal);
        Assert.Contains("is not a SQLite database", foreignDb.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void PerftestCommand_HasTheHistoryVerbs()
    {
        var history = Assert.Single(PerftestCommand.Create().Subcommands, c => c.Name == "history");

        Assert.Equal(["record", "analyze", "report"], history.Subcommands.Select(c => c.Name));
    }

    private async Task<string> WriteResultsAsync(int n, double latencyMs)
    {
        var run = RunReports.From(Tests.Unit.TestRuns.Result(1000, 0, latencyMs, name: "download"));
        var report = new PerfReport("history test", DateTimeOffset.UnixEpoch.AddHours(n), Machine, [run], ["profile=ci; test"]);
        var path = Path.Combine(_root, $"results-{n}.json");
        await using var output = File.Create(path);
        await JsonReportExporter.Full.ExportAsync(report, output, TestContext.Current.CancellationToken);
        return path;
    }

    private async Task<(int Exit, string Out, string Err)> RecordAsync(string results, string commit, string configuration = "Release")
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await HistoryRecordCommand.RunAsync(Db, results, commit, "main", configuration, stdout, stderr, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private async Task<(int Exit, string Out, string Err)> AnalyzeAsync(int last, string? json, string? db = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await HistoryAnalyzeCommand.RunAsync(db ?? Db, last, json, null, stdout, stderr, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
