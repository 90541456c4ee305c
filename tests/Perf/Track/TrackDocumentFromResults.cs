using PerfTesting.Reporting.Exporters;

namespace Tests.Perf.Track;

/// <summary>
/// Regenerates docs/performance-report.md from the last track run's artifacts/perf/results.json,
/// without measuring again (after a change to the document's layout): PERF_RENDER_DOCUMENT=1
/// dotnet test tests/Perf --filter TrackDocumentFromResults. The figures stay those of that run.
/// </summary>
public sealed class TrackDocumentFromResults
{
    [Fact]
    public async Task Render_WritesTheDocumentFromTheLastResults()
    {
        if (Environment.GetEnvironmentVariable("PERF_RENDER_DOCUMENT") != "1")
        {
            Assert.Skip("Regenerates docs/performance-report.md from artifacts/perf/results.json only with PERF_RENDER_DOCUMENT=1.");
        }

        var ct = TestContext.Current.CancellationToken;
        await using var json = File.OpenRead(Path.Combine(TrackPaths.Artifacts, JsonReportExporter.Full.FileName));
        var report = await JsonReportExporter.Full.ReadAsync(json, ct);

        var document = TrackDocument.Render(report, "artifacts/perf/results.json");

        await File.WriteAllTextAsync(TrackPaths.Document, document, ct);
        Assert.Contains("## Shared cache on Redis", document, StringComparison.Ordinal);
    }
}
