using PerfTesting.Reporting;

namespace Tests.Unit.Reporting;

/// <summary>Sets GITHUB_STEP_SUMMARY, a process-wide variable, so it runs alone.</summary>
[CollectionDefinition(nameof(RunReportFilesTests), DisableParallelization = true)]
public sealed class StepSummaryCollection;

[Collection(nameof(RunReportFilesTests))]
public sealed class RunReportFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("run-report-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WriteAsync_StepSummarySet_WritesEveryFormatAndAppendsTheMarkdown()
    {
        var summary = Path.Combine(_directory, "summary.md");
        await File.WriteAllTextAsync(summary, "earlier step\n", TestContext.Current.CancellationToken);
        var previous = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
        try
        {
            var files = await RunReportFiles.WriteAsync(TestRuns.Result(succeeded: 10, failed: 0, name: "home"), Path.Combine(_directory, "out"),
                cancellationToken: TestContext.Current.CancellationToken);

            Assert.True(files.AppendedToStepSummary);
            Assert.Equal(4, files.Files.Count);
            Assert.True(File.Exists(files.Html));
            var text = await File.ReadAllTextAsync(summary, TestContext.Current.CancellationToken);
            Assert.StartsWith("earlier step\n## home", text, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", previous);
        }
    }
}
