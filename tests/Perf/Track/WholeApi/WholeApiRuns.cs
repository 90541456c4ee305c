using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using PerfTesting.BackingServices;
using PerfTesting.Load;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Model;
using Registry.Seeding;
using Tests.Shared;
using PerfTesting.Tables;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// The registry's whole API measured, for the track's report: every endpoint alone and together,
/// every DynamoDB operation it issues (the registry's own tagged instrument), storage by archive size
/// on S3 and PostgreSQL with the process's peak memory, mixed users against written targets, and the
/// cost of bearer validation. Runs on the track's seeded S3 registry (500 models) plus three instances
/// of its own: PostgreSQL-backed, presigned-URL redirects on the seeded data, and an admin registry for
/// the destructive and background endpoints (workload trigger, reset).
/// </summary>
internal static class WholeApiRuns
{
    private const int MixedArchives = 8;
    private const long UploadBytes = 64 * 1024;
    private const long RangeBytes = 64 * 1024;
    private const int ListPageSize = 50;

    public static async Task<WholeApiOutcome> RunAsync(
        BackingServiceEndpoints endpoints,
        RegistryApp seeded,
        IReadOnlyDictionary<string, string?> seededData,
        TrackProfile track,
        Func<string, LoadRunner> runner,
        CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var profile = WholeApiProfile.For(track);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        using var requests = new RegistryRequests();
        await using var postgres = new RegistryApp(endpoints, "track-wholeapi-pg", RegistryApp.Backend("Postgres"));
        await using var presigned = new RegistryApp(endpoints, "track-wholeapi-presigned", With(seededData, "Performance:presigned_urls_enabled", "true"));
        await using var admin = new RegistryApp(endpoints, "track-wholeapi-admin", new Dictionary<string, string?> { ["Performance:max_concurrent_runs"] = "16" });
        Uri s3 = seeded.BaseAddress, pg = postgres.BaseAddress, adminUrl = admin.BaseAddress;

        // Set-up, not measured: the archives the endpoints and the mixed users read, and the admin registry's model.
        var fixture = $"wholeapi/fixture-{token}/1.0.0";
        await requests.PutArchiveAsync(s3, fixture, profile.EndpointArchiveBytes, ct);
        await requests.PutArchiveAsync(pg, fixture, profile.EndpointArchiveBytes, ct);
        var archives = Enumerable.Range(0, MixedArchives).Select(i => string.Create(CultureInfo.InvariantCulture, $"wholeapi/archive-{token}-{i}/1.0.0")).ToList();
        foreach (var archive in archives)
        {
            await requests.PutArchiveAsync(s3, archive, profile.EndpointArchiveBytes, ct);
        }

        using (var adminClient = admin.Admin())
        {
            await new RegistrySeeder(adminClient, new StringWriter()).SeedAsync(1, 64 * 1024, ct);
        }

        var workloadBody = """{"num_clients":1,"duration_seconds":1,"requests_per_client":1}""";
        var runId = await StartWorkloadAsync(requests.Http, adminUrl, workloadBody, ct);
        var seededModels = SeededModelPaths(track.Models);

        // 1 and 2. Per endpoint, alone and together, with the DynamoDB operations each issues.
        var download = $"models/{fixture}/model.zip";
        EndpointCase[] cases =
        [
            new($"GET /models?limit={ListPageSize} (paging by next_cursor)", Cells.None, Scenario.Create("list", requests.BrowseList(s3, ListPageSize))),
            new("GET /models/{owner}/{name}/{version}", Cells.None, Scenario.Create("metadata", requests.Get(s3, _ => seededModels[Random.Shared.Next(seededModels.Count)]))),
            new($"PUT /models/... ({SizeBucket.Describe(UploadBytes)} archive)", "s3", Scenario.Create("upload-s3", requests.Upload(s3, "wholeapi", "endpoint-" + token, UploadBytes))),
            new($"PUT /models/... ({SizeBucket.Describe(UploadBytes)} archive)", "postgres", Scenario.Create("upload-postgres", requests.Upload(pg, "wholeapi", "endpoint-" + token, UploadBytes))),
            new($"GET .../model.zip ({SizeBucket.Describe(profile.EndpointArchiveBytes)})", "s3", Scenario.Create("download-s3", requests.Get(s3, download))),
            new($"GET .../model.zip ({SizeBucket.Describe(profile.EndpointArchiveBytes)})", "postgres", Scenario.Create("download-postgres", requests.Get(pg, download))),
            new($"GET .../model.zip, Range first {SizeBucket.Describe(RangeBytes)} (206)", "s3", Scenario.Create("range-s3", requests.GetRange(s3, download, RangeBytes))),
            new($"GET .../model.zip, Range first {SizeBucket.Describe(RangeBytes)} (206)", "postgres", Scenario.Create("range-postgres", requests.GetRange(pg, download, RangeBytes))),
            new("GET .../model.zip, presigned redirect (302, not followed)", "s3", Scenario.Create("presigned", requests.Get(presigned.BaseAddress, download))),
            new("GET /health", Cells.None, Scenario.Create("health", requests.Get(s3, "health", token: null))),
            new("GET /health/components (reader: with latencies)", Cells.None, Scenario.Create("components", requests.Get(s3, "health/components"))),
            new("GET /tracks", Cells.None, Scenario.Create("tracks", requests.Get(s3, "tracks", token: null))),
            new("GET /dashboard", Cells.None, Scenario.Create("dashboard", requests.Get(s3, "dashboard", token: null))),
            new("POST /health/performance/workload (1 client, 1 request)", "s3", Scenario.Create("workload-trigger", requests.PostJson(adminUrl, "health/performance/workload", workloadBody)), Serial: true, Together: false),
            new("GET /health/performance/results/{run_id}", Cells.None, Scenario.Create("workload-results", requests.Get(adminUrl, $"health/performance/results/{runId}")), Together: false),
            new("GET /health/performance/runs", Cells.None, Scenario.Create("workload-runs", requests.Get(adminUrl, "health/performance/runs")), Together: false),
            new("DELETE /reset", "all stores", Scenario.Create("reset", requests.Delete(adminUrl, "reset")), Serial: true, Together: false),
        ];
        // The workloads the trigger started finish before their results are read.
        var endpointsOutcome = await EndpointRuns.RunAsync(cases, profile, runner,
            endpoint => endpoint.Scenario.Name == "workload-results" ? WaitForWorkloadsAsync(requests.Http, adminUrl, ct) : Task.CompletedTask, ct);
        var endpointSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // 3. Storage by archive size, both stores.
        var sizes = await SizeRuns.RunAsync(requests, [("s3", s3), ("postgres", pg)], profile, runner, token, ct);
        var sizeSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds - endpointSeconds;

        // 4. Mixed users on the seeded registry.
        var mixedRuns = new List<RunResult>();
        var mixed = new List<MixedFigures>();
        var archivePaths = archives.Select(a => $"models/{a}/model.zip").ToList();
        foreach (var users in profile.MixedUsers)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"mixed-{users}");
            var result = await runner(name).RunAsync(
                LoadProfile.Closed(users, profile.MixedWindow).WithWarmUp(profile.MixedWarmUp),
                MixedUsers.Scenarios(requests, s3, seededModels, archivePaths, token), ct);
            mixedRuns.Add(result);
            mixed.Add(new MixedFigures(users, name, result.Totals.Completed, result.Latency.Mean, result.Latency.P95, result.ErrorRate, result.RequestsPerSecond));
        }

        // 5. Authentication overhead.
        var (without, with, auth) = await AuthRuns.RunAsync(requests, s3, profile, runner, ct);
        var totalSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var mixDescription = MixedUsers.Describe(seededModels.Count, MixedArchives, profile.EndpointArchiveBytes);
        ReportTable[] tables =
        [
            WholeApiTables.Endpoints(endpointsOutcome.Endpoints, Cells.Text(
                $"Measured, client side. Each endpoint alone: {profile.EndpointClients} closed-model clients for {profile.EndpointWindow.TotalSeconds:0.#} s, no think time (workload trigger and reset: 1 client, {profile.SerialIterations} requests in a row). ",
                $"'together': every endpoint of the first {cases.Count(c => c.Together)} rows in one run, equal weights, {profile.EndpointClients} clients shared, {profile.TogetherWindow.TotalSeconds:0.#} s after 1 s warm-up (run wholeapi-together). ",
                $"Reads carry the reader token, writes the admin token. Presigned redirects exist only for the S3 store; reset empties S3, DynamoDB and PostgreSQL alike. The workload trigger's requests each start a background run of 1 download; reset's first request clears the admin registry's model and runs, the others find it empty. requests/s and error rate are computed from the counts and the window.")),
            WholeApiTables.Operations(endpointsOutcome.Operations, endpointsOutcome.Background, Cells.Text(
                $"Measured white-box: registry.dynamodb.operation.duration (tags operation, origin request), recorded by a handler at the top of the registry's DynamoDB client pipeline, so client side with the SDK's retries; captured during each endpoint's alone run above. ",
                $"calls per request is computed: calls ÷ requests started in that run (requests cut off at the window's end make it a slight underestimate for timed runs). Calls the registry makes on its own timer (tag origin health-probe: ListTables and the performance component's Scan, every 5 s on each registry instance in this process) are not counted against requests: they are the last rows, over all the alone runs.")),
            WholeApiTables.Sizes(sizes, Cells.Text(
                $"Measured, client side, one client: each round trip uploads a new archive of the size (PUT, 201) and downloads one (GET); mean of the round trips; MiB/s computed as size ÷ mean time. ",
                $"Memory: this process (registry, in-process on Kestrel, and the load generator, which streams both ways through 64 KiB buffers) sampled every 50 ms after a full GC; growth = peak working set − working set before. ",
                $"Buckets: < 1 MiB, 1–10 MiB, 10–50 MiB, 50–100 MiB, > 100 MiB (upper bounds inclusive).")),
            WholeApiTables.Mixed(mixed, MixedTargets.Track, Cells.Text(
                $"Measured: the registry with the track's {track.Models} seeded models, {mixDescription}. Closed-model users without think time (so N users are N requests in flight), {profile.MixedWindow.TotalSeconds:0.#} s after {profile.MixedWarmUp.TotalSeconds:0.#} s warm-up; figures over the whole mix (runs mixed-N). ",
                $"{MixedTargets.Origin}")),
            WholeApiTables.Auth(without, with, Cells.Text(
                $"Measured: GET /tracks without and with the reader's bearer token, interleaved in one run (run {AuthRuns.RunName}: two scenarios of equal weight, {profile.EndpointClients} clients shared, {profile.AuthWindow.TotalSeconds:0.#} s after 0.5 s warm-up); the registry authenticates every request, so the difference is the token's validation. ",
                $"Bearer handler time is white-box (registry.auth.validation.duration, tag result none / success), per request, warm-up included. The client-side difference is computed and carries the run's noise (sub-millisecond requests on a shared machine); the handler time is the direct figure.")),
        ];

        var togetherRun = endpointsOutcome.Together;
        RunReport[] runs =
        [
            RunReports.From(togetherRun, Cells.Text($"Whole API: every endpoint together, equal weights, {profile.EndpointClients} clients, {profile.TogetherWindow.TotalSeconds:0.#} s")),
            RunReports.From(auth, Cells.Text($"Whole API: GET /tracks without and with a bearer token, interleaved, {profile.EndpointClients} clients, {profile.AuthWindow.TotalSeconds:0.#} s")),
            .. mixedRuns.Select(r => RunReports.From(r, Cells.Text($"Whole API: mixed users ({r.Name["mixed-".Length..]}), {mixDescription}"))),
        ];
        string[] notes =
        [
            Cells.Text($"Whole API (Track/WholeApi): {totalSeconds:0} s in all: set-up, endpoints and operations {endpointSeconds:0} s, storage by size {sizeSeconds:0} s, mixed users and authentication {totalSeconds - endpointSeconds - sizeSeconds:0} s."),
        ];
        return new WholeApiOutcome(runs, tables, notes);
    }

    /// <summary>GET paths of the seeded models: Tiny-LLM and acme/model-0001 up to the count (see <see cref="RegistrySeeder"/>).</summary>
    private static IReadOnlyList<string> SeededModelPaths(int models) =>
    [
        $"models/{RegistrySeeder.TinyLlmId}/{RegistrySeeder.TinyLlmVersion}",
        .. Enumerable.Range(1, models - 1).Select(i => string.Create(CultureInfo.InvariantCulture, $"models/acme/model-{i:D4}/1.0.0")),
    ];

    private static async Task<string> StartWorkloadAsync(HttpClient http, Uri registry, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(registry, "health/performance/workload"))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", RegistryApp.AdminToken);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var started = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return started.GetProperty("run_id").GetString() ?? throw new InvalidOperationException("The workload answer has no run_id.");
    }

    /// <summary>Waits (at most 30 s) until no workload started by the trigger runs any more, so the next runs measure reads alone.</summary>
    private static async Task WaitForWorkloadsAsync(HttpClient http, Uri registry, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(registry, "health/performance/runs"));
            request.Headers.Authorization = new("Bearer", RegistryApp.ReaderToken);
            using var response = await http.SendAsync(request, ct);
            var runs = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (runs.ValueKind == JsonValueKind.Array && runs.EnumerateArray().All(r => r.GetProperty("status").GetString() != "in_progress"))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> settings, string key, string value) =>
        new(settings) { [key] = value };
}
