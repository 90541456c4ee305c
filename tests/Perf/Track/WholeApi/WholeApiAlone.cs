using System.Text;
using PerfTesting.BackingServices.Fixtures;
using PerfTesting.Load;
using PerfTesting.Reporting.Exporters;
using PerfTesting.Reporting.Model;
using PerfTesting.Xunit.Load;
using Registry.Diagnostics;
using Registry.Seeding;
using Tests.Shared;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// The whole-API part of the track on its own, for working on these tables without the whole track:
/// <c>PERF_PROFILE=ci PERF_WHOLEAPI_ALONE=1 dotnet test tests/Perf --filter WholeApiAlone</c>. Seeds its
/// own registry as the track does (small Tiny-LLM archive) and writes artifacts/perf-wholeapi/. Skipped
/// otherwise: the track (bash run-perf.sh) runs the same code.
/// </summary>
public sealed class WholeApiAlone(BackingServicesFixture fixture, ITestOutputHelper output)
{
    public const string Variable = "PERF_WHOLEAPI_ALONE";

    [Fact]
    public async Task WholeApi_WritesItsFiveTables()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not ("1" or "true"))
        {
            Assert.Skip($"Runs inside the track; alone only with {Variable}=1.");
        }

        var profile = TrackProfile.Require();
        var ct = TestContext.Current.CancellationToken;
        var services = await fixture.GetDefaultAsync(ct);
        var names = PerfTesting.BackingServices.IsolatedNames.For("wholeapi-alone");
        var shared = new Dictionary<string, string?>
        {
            ["Registry:Bucket"] = names.Bucket,
            ["Registry:TablePrefix"] = names.TablePrefix,
            ["Registry:Database"] = names.Database,
        };
        await using var registry = new RegistryApp(services.Endpoints, names);
        using (var admin = registry.Admin())
        {
            await new RegistrySeeder(admin, new StringWriter()).SeedAsync(profile.Models, 1024 * 1024, ct);
        }

        LoadRunner Runner(string name) => new(new LoadRunnerOptions
        {
            Name = name,
            Meters = [RegistryMetrics.MeterName],
            Observer = new TestOutputProgress(output),
        });
        var outcome = await WholeApiRuns.RunAsync(services.Endpoints, registry, shared, profile, Runner, ct);

        var report = new PerfReport("Whole API", DateTimeOffset.UtcNow, PerfTesting.Baselines.EnvironmentFingerprint.Capture(), outcome.Runs, outcome.Notes) { Tables = outcome.Tables };
        var directory = Path.Combine(TrackPaths.RepositoryRoot, "artifacts", "perf-wholeapi");
        await ReportWriter.All.WriteAsync(report, directory, ct);
        var md = new StringBuilder();
        WholeApiDocument.Render(md, report);
        await File.WriteAllTextAsync(Path.Combine(directory, "whole-api.md"), md.ToString(), ct);
        output.WriteLine(md.ToString());
        Assert.Equal(5, outcome.Tables.Count);
    }
}
