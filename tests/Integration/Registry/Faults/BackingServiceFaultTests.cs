using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PerfTesting.BackingServices.LocalProcesses;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry.Faults;

/// <summary>
/// Backing services frozen (SIGSTOP) and killed under the registry. Each test starts its own set of
/// services, so it signals only processes it started. Bounds: the call timeout is 2 s here; a request
/// may meet it once for the lookup and once more for the store, PostgreSQL adds its 1 s cancel wait,
/// so 10 s is the honest bound on a busy 2-core machine (a frozen service used to hold a request 15 s
/// and more, a dead DynamoDB 80-100 s).
/// </summary>
public sealed class BackingServiceFaultTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static Dictionary<string, string?> Settings(string backend) => new()
    {
        ["Performance:storage_backend"] = backend,
        ["Resilience:CallTimeoutSeconds"] = "2",
        ["Resilience:BreakDurationSeconds"] = "2",
        ["Resilience:HealthProbeIntervalSeconds"] = "0.5",
        ["Resilience:HealthProbeTimeoutSeconds"] = "1",
    };

    public static TheoryData<string, string> Killed => new()
    {
        { "dynamodb", "S3" },
        { "s3", "S3" },
        { "postgres", "Postgres" },
    };

    [Theory]
    [MemberData(nameof(Killed))]
    public async Task KilledService_AnswersWithinTheBound_IsRestartedWithItsData_AndTheRegistryRecoversByItself(string service, string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = await LocalProcessBackingServices.StartAsync(ct);
        await using var app = new RegistryApp(services.Endpoints, "killed-" + service, Settings(backend));
        using var admin = app.Admin();
        var archive = Archive(300_000, 1);
        await WaitUntilAsync(async () =>
        {
            using var put = await admin.PutAsync("models/acme/a/1.0.0", Zip(archive), ct);
            return put.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), ct);
        var pids = ServiceProcesses.ListeningOn(Port(services, service));

        // kill -9, here often within 2 s of the service's first answer: the watchdog restarts a service
        // once readiness has seen it answer, however short its life (it used to give up on one that died
        // within 2 s of its start, as a failed start, and delete its data: the cause of this test's
        // flakiness in about half the runs).
        // Until the watchdog has started it again (about a second later), every answer
        // comes within the bound, and a failure is a 503 that names the service and nothing internal.
        ServiceProcesses.KillNow(pids);
        var answers = new List<(string Path, HttpStatusCode Status, TimeSpan Took, string Body, string? RetryAfter)>();
        foreach (var path in new[] { "models", "models/acme/a/1.0.0", "models/acme/a/1.0.0/model.zip", "models", "models/acme/a/1.0.0/model.zip" })
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await admin.GetAsync(path, ct);
                answers.Add((path, response.StatusCode, Stopwatch.GetElapsedTime(started), await response.Content.ReadAsStringAsync(ct), response.Headers.RetryAfter?.ToString()));
            }
            catch (HttpRequestException)
            {
                answers.Add((path + " (cut off mid-stream)", HttpStatusCode.ServiceUnavailable, Stopwatch.GetElapsedTime(started), "{\"service\":\"" + service + "\"}", "1"));
            }
        }

        var healthStarted = Stopwatch.GetTimestamp();
        using var health = await admin.GetAsync("health/components", ct);
        var healthTook = Stopwatch.GetElapsedTime(healthStarted);

        // Healed: the same archive, byte-exact, and the catalog still lists it (dynalite keeps its
        // data under --path now; it used to lose the catalog with the process).
        byte[]? after = null;
        var lastAnswer = "none";
        var healing = Stopwatch.GetTimestamp();
        try
        {
            await WaitUntilAsync(async () =>
            {
                using var response = await admin.GetAsync("models/acme/a/1.0.0/model.zip", ct);
                after = response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(ct) : null;
                lastAnswer = after is null ? $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}" : "200";
                return after is not null;
            }, TimeSpan.FromSeconds(60), ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Assert.Fail($"No healed download within 60 s; the last answer: {lastAnswer}; listening on the port: {ServiceProcesses.DescribeListener(Port(services, service))}\n{services.DescribeProcesses()}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{service}: the healed download answered {Stopwatch.GetElapsedTime(healing).TotalSeconds:0.0} s after the answers to the killed service");
        var list = await admin.GetFromJsonAsync<JsonElement>("models", ct);
        var restarted = ServiceProcesses.ListeningOn(Port(services, service));

        Assert.All(answers, a =>
        {
            Assert.True(a.Took < Bound, $"{a.Path} answered after {a.Took}");
            Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{a.Path}: {a.Status}");
            if (a.Status == HttpStatusCode.ServiceUnavailable)
            {
                Assert.NotNull(a.RetryAfter);
                Assert.Equal(service, JsonDocument.Parse(a.Body).RootElement.GetProperty("service").GetString());
                Assert.DoesNotContain("127.0.0.1", a.Body, StringComparison.Ordinal);
            }
        });
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(healthTook < TimeSpan.FromSeconds(5), $"health took {healthTook}");
        Assert.NotEqual(pids[0], restarted[0]);
        Assert.Equal(archive, after);
        Assert.Equal("acme/a", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("model_id").GetString());
    }

    private static int Port(LocalProcessBackingServices services, string service) => service switch
    {
        "s3" => services.Endpoints.S3.ServiceUrl!.Port,
        "dynamodb" => services.Endpoints.DynamoDb.ServiceUrl!.Port,
        _ => new Npgsql.NpgsqlConnectionStringBuilder(services.Endpoints.PostgresConnectionString).Port,
    };

    public static TheoryData<string, string> Frozen => new()
    {
        { "s3", "S3" },
        { "dynamodb", "S3" },
        { "postgres", "Postgres" },
    };

    [Theory]
    [MemberData(nameof(Frozen))]
    public async Task FrozenService_AnswersWithinTheBound_503NeverA500_AndRecoversWhenItResumes(string service, string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = await LocalProcessBackingServices.StartAsync(ct);
        await using var app = new RegistryApp(services.Endpoints, "frozen-" + service, Settings(backend));
        using var admin = app.Admin();
        var before = Archive(300_000, 1);
        // Ready when an upload is acknowledged: freshly started emulators on a busy machine may need a
        // few tries within the 2 s call bound.
        await WaitUntilAsync(async () =>
        {
            using var put = await admin.PutAsync("models/acme/before/1.0.0", Zip(before), ct);
            return put.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), ct);
        var pids = ServiceProcesses.ListeningOn(Port(services, service));

        var answers = new List<(string What, HttpStatusCode Status, TimeSpan Took)>();
        JsonElement health;
        TimeSpan healthTook;
        ServiceProcesses.Freeze(pids);
        try
        {
            async Task Time(string what, Func<Task<HttpResponseMessage>> send)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await send();
                    _ = await response.Content.ReadAsByteArrayAsync(ct);
                    answers.Add((what, response.StatusCode, Stopwatch.GetElapsedTime(started)));
                }
                catch (HttpRequestException)
                {
                    // A download whose headers were already sent is cut off instead: also an answer.
                    answers.Add((what + " (cut off)", HttpStatusCode.ServiceUnavailable, Stopwatch.GetElapsedTime(started)));
                }
            }

            await Time("download", () => admin.GetAsync("models/acme/before/1.0.0/model.zip", ct));
            await Time("upload", () => admin.PutAsync("models/acme/during/1.0.0", Zip(Archive(200_000, 2)), ct));
            await Time("list", () => admin.GetAsync("models", ct));
            await Time("download again", () => admin.GetAsync("models/acme/before/1.0.0/model.zip", ct));
            var started = Stopwatch.GetTimestamp();
            health = await admin.GetFromJsonAsync<JsonElement>("health/components", ct);
            healthTook = Stopwatch.GetElapsedTime(started);
        }
        finally
        {
            ServiceProcesses.Resume(pids);
        }

        // Recovery: without a restart of the registry, the archive acknowledged before comes back byte-exact.
        byte[]? after = null;
        await WaitUntilAsync(async () =>
        {
            using var response = await admin.GetAsync("models/acme/before/1.0.0/model.zip", ct);
            after = response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(ct) : null;
            return after is not null;
        }, TimeSpan.FromSeconds(30), ct);
        var uploadAfter = HttpStatusCode.ServiceUnavailable;
        await WaitUntilAsync(async () =>
        {
            using var put = await admin.PutAsync("models/acme/after/1.0.0", Zip(Archive(200_000, 3)), ct);
            uploadAfter = put.StatusCode;
            return put.StatusCode != HttpStatusCode.ServiceUnavailable;
        }, TimeSpan.FromSeconds(30), ct);

        // A reset while the service is frozen answers within the bound (it may get as far as the
        // catalog); once the service is back, the next reset completes it.
        ServiceProcesses.Freeze(pids);
        try
        {
            var started = Stopwatch.GetTimestamp();
            using var frozenReset = await admin.DeleteAsync("reset", ct);
            answers.Add(("reset", frozenReset.StatusCode, Stopwatch.GetElapsedTime(started)));
        }
        finally
        {
            ServiceProcesses.Resume(pids);
        }

        await WaitUntilAsync(async () =>
        {
            using var again = await admin.DeleteAsync("reset", ct);
            return again.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), ct);
        var list = await admin.GetFromJsonAsync<JsonElement>("models", ct);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());

        Assert.All(answers, a =>
        {
            Assert.True(a.Took < Bound, $"{a.What} answered after {a.Took}");
            Assert.True((int)a.Status < 500 || a.Status == HttpStatusCode.ServiceUnavailable, $"{a.What}: {a.Status}");
        });
        Assert.Contains(answers, a => a.Status == HttpStatusCode.ServiceUnavailable);
        Assert.True(healthTook < TimeSpan.FromSeconds(5), $"health took {healthTook}");
        Assert.Equal(before, after);
        Assert.True(uploadAfter is HttpStatusCode.Created or HttpStatusCode.OK, $"upload after recovery: {uploadAfter}");
    }
}
