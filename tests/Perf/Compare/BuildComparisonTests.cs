using System.Globalization;
using System.Net.Http.Headers;
using PerfTesting.Baselines;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Fixtures;
using PerfTesting.Comparison;
using PerfTesting.Load;
using PerfTesting.Reporting.Comparison;
using PerfTesting.Xunit.Comparison;
using Registry.Seeding;
using Tests.Perf.Track;
using Tests.Shared;

namespace Tests.Perf.Compare;

/// <summary>
/// The pull-request verdict: two builds of the registry (A = the base, B = the head), each published by
/// <c>bash run-perf.sh --compare REF</c>, run as separate processes on the same backing services
/// (separate bucket, tables and database each), seeded alike, and compared with the ci profile's
/// download workload (100 clients downloading the 4 MiB Tiny-LLM stand-in, each once per run) by
/// <see cref="ABRunner"/>: 20 rounds, both sides in each round. Writes report.md (the PR comment), report.html and results.json,
/// then fails on Regressed, and only on Regressed.
/// </summary>
public sealed class BuildComparisonTests(BackingServicesFixture fixture, ITestOutputHelper output)
{
    private const int Clients = 100;
    private const int Models = 50;
    private const long ArchiveBytes = 4L * 1024 * 1024;

    [Fact]
    public async Task HeadComparedWithBase_IsNotRegressed()
    {
        var a = Side("A");
        var b = Side("B");
        var ct = TestContext.Current.CancellationToken;
        // Each run: every client downloads the archive once. A timed window does not work here: with
        // both registries sharing one S3 emulator on a busy 2-core machine, one 4 MiB download by 100
        // clients per side took 3 to 20 s, so a 2 s window completed almost nothing (measured: every
        // metric Inconclusive, "fewer than 10 requests").
        var iterations = (long)Setting("PERF_COMPARE_ITERATIONS", 1);
        var options = new ABOptions { Rounds = (int)Setting("PERF_COMPARE_ROUNDS", ABOptions.DefaultRounds) };

        var services = await fixture.GetDefaultAsync(ct);
        await using var registryA = await RegistryProcess.StartAsync(a.Dll, services.Endpoints, IsolatedNames.For("compare-a"), "s3", ct);
        await using var registryB = await RegistryProcess.StartAsync(b.Dll, services.Endpoints, IsolatedNames.For("compare-b"), "s3", ct);
        foreach (var registry in new[] { registryA, registryB })
        {
            using var admin = registry.Admin();
            try
            {
                await new RegistrySeeder(admin, TextWriter.Null).SeedAsync(Models, ArchiveBytes, ct);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"Seeding the registry at {registry.BaseAddress} failed ({e.Message}); its last output:\n{registry.LastLines}", e);
            }
        }

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AllowAutoRedirect = true,
        })
        { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegistryApp.ReaderToken);
        Uri Download(RegistryProcess registry) => new(registry.BaseAddress, $"models/{RegistrySeeder.TinyLlmId}/{RegistrySeeder.TinyLlmVersion}/model.zip");

        var load = LoadProfile.ClosedIterations(Clients, iterations);
        var runner = new ABRunner(options, new LoadRunnerOptions { Name = "compare", CaptureProcess = false },
            new Progress<ABRound>(r => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {r.Index}: p50 A {r.A.P50:0.#} ms, B {r.B.P50:0.#} ms; throughput A {r.A.Throughput:0.#}, B {r.B.Throughput:0.#} req/s"))));
        var comparison = await runner.RunAsync("registry download (ci profile)", Download(registryA), Download(registryB), load,
            url => Scenario.Create("download", HttpStep.Get(http, url)), ct);

        var fingerprint = EnvironmentFingerprint.Capture();
        var report = new ABReport(
            "Performance: head compared with base",
            DateTimeOffset.UtcNow,
            string.Create(CultureInfo.InvariantCulture, $"{fingerprint.CpuModel}, {fingerprint.Cores} cores, {fingerprint.Os}, {fingerprint.Runtime}; backing services: {services.Endpoints.Kind}"),
            new ABSideInfo(a.Label, a.Revision, a.Description),
            new ABSideInfo(b.Label, b.Revision, b.Description),
            string.Create(CultureInfo.InvariantCulture, $"{Clients} closed clients downloading {RegistrySeeder.TinyLlmId} ({ArchiveBytes / 1048576} MiB stand-in; {Models} models seeded in each registry) from the registry's S3 store; each run: every client downloads it {iterations} time(s); one unrecorded run of each side first."),
            comparison,
            [
                "Each build runs as its own process (dotnet Registry.dll, Production settings) with its own bucket, tables and database on the same S3, DynamoDB and PostgreSQL services.",
                "Rounds run both builds at the same time (duet schedule), so whatever else the machine does hits both alike; a change that loads the shared S3 emulator shows on both sides and reads smaller than it would alone.",
                "Stored baselines (tests/Perf/Baselines) are a trend record, informational across machines; this comparison is the gate.",
            ]);
        await ABReportWriter.WriteAsync(report, TrackPaths.Artifacts, ct);
        output.WriteLine(ABComparisonTable.Render(comparison));

        // Fails on Regressed and only on Regressed: Same, Improved and Inconclusive pass.
        ABAssert.NoRegression(comparison);
    }

    private static (string Dll, string Label, string? Revision, string? Description) Side(string side)
    {
        var dll = Environment.GetEnvironmentVariable($"PERF_COMPARE_{side}_DLL");
        if (string.IsNullOrEmpty(dll))
        {
            Assert.Skip("Compares two builds of the registry: bash run-perf.sh --compare REF (sets PERF_COMPARE_A_DLL and PERF_COMPARE_B_DLL).");
        }

        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"PERF_COMPARE_{side}_DLL: no such file", dll);
        }

        return (dll,
            Environment.GetEnvironmentVariable($"PERF_COMPARE_{side}_LABEL") ?? side,
            Environment.GetEnvironmentVariable($"PERF_COMPARE_{side}_REV"),
            Environment.GetEnvironmentVariable($"PERF_COMPARE_{side}_DESCRIPTION"));
    }

    private static double Setting(string name, double fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
