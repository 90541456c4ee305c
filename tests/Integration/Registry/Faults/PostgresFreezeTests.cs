using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PerfTesting.BackingServices.LocalProcesses;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry.Faults;

/// <summary>
/// A real PostgreSQL frozen (SIGSTOP of the postmaster and every backend; SIGCONT always follows, in a
/// finally) while archives stored in it are being downloaded, one of them large and already streaming.
/// What must hold: every request made during the freeze, and the download in flight, ends within the
/// bound (a 200, a 503 with Retry-After, or a body cut short, never a wait for the thaw);
/// /health/components says the store is down within a probe interval plus a probe timeout; after the
/// thaw the pool serves every download again (no connection was returned to it poisoned). Loopback
/// only; every loop is bounded in count and time.
/// </summary>
public sealed class PostgresFreezeTests
{
    private const double CallTimeoutSeconds = 4;
    private const double ProbeIntervalSeconds = 1;
    private const double ProbeTimeoutSeconds = 1;
    private const int Readers = 4;
    private const int RequestsPerReader = 40;

    // The documented bound: a request during the freeze meets the call timeout once, opening the archive
    // (the catalog is DynamoDB, not frozen), and a download in flight ends one call timeout after its last
    // progress. Twice the call timeout leaves a busy 2-core machine one more for scheduling: the slowest
    // answer took the call timeout plus 2.8 s at a load average of 65 (with a 2 s call timeout). Before the
    // reads were a COPY, a timed-out open also waited for Npgsql's cancel request, one more call timeout
    // plus the same slack (6.27 s with a 2 s call timeout at load 50), and a wait for the thaw takes the
    // whole freeze: neither passes as bounded.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2 * CallTimeoutSeconds);
    private static readonly TimeSpan Freeze = TimeSpan.FromSeconds(20);

    // What /health/components may lag: the next probe starts within an interval and gives up after its
    // timeout; twice that for a busy machine.
    private static readonly TimeSpan HealthBound = TimeSpan.FromSeconds(2 * (ProbeIntervalSeconds + ProbeTimeoutSeconds));

    [Fact]
    public async Task DownloadsFromAFrozenPostgres_EndWithinTheBound_HealthSaysDown_AndThePoolServesAfterTheThaw()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = await LocalProcessBackingServices.StartAsync(ct);
        await using var app = new RegistryApp(services.Endpoints, "pg-freeze", new Dictionary<string, string?>
        {
            ["Performance:storage_backend"] = "Postgres",
            ["Resilience:CallTimeoutSeconds"] = CallTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Resilience:BreakDurationSeconds"] = "2", // a trial call every 2 s during the freeze
            ["Resilience:HealthProbeIntervalSeconds"] = ProbeIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Resilience:HealthProbeTimeoutSeconds"] = ProbeTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var admin = app.Admin();
        admin.Timeout = TimeSpan.FromSeconds(120); // a guard against a hang, far above every bound asserted
        var large = Archive(40 * 1024 * 1024, 7);
        var small = Archive(300_000, 8);
        await WaitUntilAsync(async () =>
        {
            using var put = await admin.PutAsync("models/acme/small/1.0.0", Zip(small), ct);
            return put.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), ct);
        (await admin.PutAsync("models/acme/large/1.0.0", Zip(large), ct)).EnsureSuccessStatusCode();
        var pids = ServiceProcesses.ListeningOn(new Npgsql.NpgsqlConnectionStringBuilder(services.Endpoints.PostgresConnectionString).Port);

        // The large download streams; its first MiB is read before the freeze, so its headers are sent.
        using var inFlight = await admin.GetAsync("models/acme/large/1.0.0/model.zip", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, inFlight.StatusCode);
        var body = await inFlight.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[64 * 1024];
        long received = await ReadAtLeastAsync(body, buffer, 1024 * 1024, ct);

        var answers = new List<(string What, HttpStatusCode Status, TimeSpan Took, string? RetryAfter)>();
        TimeSpan stalledDownloadEnded;
        TimeSpan? healthDownAfter = null;
        ServiceProcesses.Freeze(pids);
        var frozenAt = Stopwatch.GetTimestamp();
        var lastProgress = frozenAt;
        try
        {
            // The download in flight: read on until it ends, complete or cut off.
            var stalled = Task.Run(async () =>
            {
                try
                {
                    while (await body.ReadAsync(buffer, ct) is var read and > 0)
                    {
                        received += read;
                        lastProgress = Stopwatch.GetTimestamp();
                    }
                }
                catch (HttpRequestException)
                {
                    // Cut off mid-stream: the registry aborted the connection within its bound.
                }
                catch (IOException)
                {
                    // The same, seen by the stream.
                }

                // From its last byte: the registry's last read from the store came no later, and the
                // registry sends what it already read (kernel buffers drain after the freeze began).
                return Stopwatch.GetElapsedTime(lastProgress);
            }, ct);

            // Readers asking for both archives throughout the freeze, each request timed.
            var readers = Enumerable.Range(0, Readers).Select(reader => Task.Run(async () =>
            {
                var mine = new List<(string, HttpStatusCode, TimeSpan, string?)>();
                for (var i = 0; i < RequestsPerReader && Stopwatch.GetElapsedTime(frozenAt) < Freeze - Bound; i++)
                {
                    var path = (reader + i) % 2 == 0 ? "models/acme/small/1.0.0/model.zip" : "models/acme/large/1.0.0/model.zip";
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await admin.GetAsync(path, ct);
                        mine.Add((path, response.StatusCode, Stopwatch.GetElapsedTime(started), response.Headers.RetryAfter?.ToString()));
                    }
                    catch (HttpRequestException)
                    {
                        mine.Add((path + " (cut off)", HttpStatusCode.ServiceUnavailable, Stopwatch.GetElapsedTime(started), "cut off"));
                    }
                }

                return mine;
            }, ct)).ToList();

            // Health: polled until it says the store is down, bounded by the freeze.
            while (healthDownAfter is null && Stopwatch.GetElapsedTime(frozenAt) < Freeze - Bound)
            {
                var health = await admin.GetFromJsonAsync<JsonElement>("health/components", ct);
                if (health.GetProperty("components").GetProperty("postgres").GetProperty("status").GetString() == "down")
                {
                    healthDownAfter = Stopwatch.GetElapsedTime(frozenAt);
                }
                else
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
                }
            }

            stalledDownloadEnded = await stalled.WaitAsync(Freeze, ct);
            foreach (var reader in readers)
            {
                answers.AddRange(await reader.WaitAsync(Freeze, ct));
            }

            // The fault lasts its full length whatever the registry did, so an answer that waited for the
            // thaw would have taken longer than the bound; everything above ended before it.
            var left = Freeze - Stopwatch.GetElapsedTime(frozenAt);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, ct);
            }
        }
        finally
        {
            ServiceProcesses.Resume(pids);
        }

        var frozenFor = Stopwatch.GetElapsedTime(frozenAt);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"frozen {frozenFor.TotalSeconds:0.0} s; download in flight ended {stalledDownloadEnded.TotalSeconds:0.00} s after its last byte, with {received} of {large.Length} bytes; "
            + $"health down after {healthDownAfter?.TotalSeconds:0.00} s; {answers.Count} answers, slowest {answers.Max(a => a.Took).TotalSeconds:0.00} s: "
            + string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{(int)g.Key} x{g.Count()}")));

        // After the thaw: every connection the pool hands out works (more downloads than the freeze broke).
        await WaitUntilAsync(async () =>
        {
            using var response = await admin.GetAsync("models/acme/small/1.0.0/model.zip", ct);
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), ct);
        for (var i = 0; i < Readers * 2; i++)
        {
            Assert.Equal(small, await admin.GetByteArrayAsync("models/acme/small/1.0.0/model.zip", ct));
        }

        Assert.Equal(large, await admin.GetByteArrayAsync("models/acme/large/1.0.0/model.zip", ct));

        Assert.True(stalledDownloadEnded < Bound, $"the download in flight ended {stalledDownloadEnded} after its last byte");
        Assert.True(received < large.Length, "the download in flight completed although its store was frozen");
        Assert.NotEmpty(answers);
        Assert.All(answers, a =>
        {
            Assert.True(a.Took < Bound, $"{a.What} answered after {a.Took}");
            Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{a.What}: {a.Status}");
            if (a.Status == HttpStatusCode.ServiceUnavailable)
            {
                Assert.NotNull(a.RetryAfter);
            }
        });
        Assert.True(healthDownAfter < HealthBound, $"/health/components said postgres was down {healthDownAfter} after the freeze began (null: never during the freeze)");
    }

    private static async Task<long> ReadAtLeastAsync(Stream body, byte[] buffer, long count, CancellationToken ct)
    {
        long total = 0;
        while (total < count)
        {
            var read = await body.ReadAsync(buffer, ct);
            Assert.True(read > 0, $"the download ended after {total} bytes before the freeze");
            total += read;
        }

        return total;
    }
}
