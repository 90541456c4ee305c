using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Fixtures;
using Registry.Performance;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>The registry's own workload: start, validation, results, isolation, limits, reset and failure.</summary>
public sealed class PerformanceApiTests(BackingServicesFixture fixture)
{
    private const string Tiny = "models/arnir0/Tiny-LLM/1.0.0";

    [Fact]
    public async Task Workload_Returns202_RunsInTheBackground_AndRecordsEveryClient()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartWithModelAsync(nameof(Workload_Returns202_RunsInTheBackground_AndRecordsEveryClient));
        using var admin = app.Admin();

        using var started = await admin.PostAsync("health/performance/workload", Json("""{"num_clients": 5, "duration_seconds": 2}"""), ct);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>(ct);
        var runId = body.GetProperty("run_id").GetString()!;
        var summary = await WaitForEndAsync(admin, runId, ct);
        var records = await app.Services.GetRequiredService<PerformanceRunStore>().CountRecordsAsync(runId, ct);
        var health = await admin.GetFromJsonAsync<JsonElement>("health/components", ct);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("started", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("estimated_completion").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-5));
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        var total = summary.GetProperty("total_requests").GetInt64();
        Assert.True(total >= 5, $"{total} requests");
        Assert.Equal(0, summary.GetProperty("total_errors").GetInt64());
        Assert.Equal(total, summary.GetProperty("records_written").GetInt64());
        Assert.Equal(total, records);
        Assert.True(summary.GetProperty("latency_ms").GetProperty("p99").GetDouble() > 0);
        Assert.True(summary.GetProperty("throughput").GetProperty("bytes_per_second").GetDouble() > 0);
        Assert.NotEmpty(summary.GetProperty("histogram").EnumerateArray());
        var performance = health.GetProperty("components").GetProperty("performance");
        Assert.Equal(runId, performance.GetProperty("latest_run_id").GetString());
        Assert.Equal("ok", performance.GetProperty("status").GetString());
        Assert.Equal(1, performance.GetProperty("total_runs").GetInt32());
        Assert.Equal(0, app.ServerErrors);
    }

    public static TheoryData<string, HttpStatusCode> BadRequests => new()
    {
        { """{"num_clients": 0}""", HttpStatusCode.BadRequest },
        { """{"num_clients": 1001}""", HttpStatusCode.BadRequest },
        { """{"duration_seconds": 0}""", HttpStatusCode.BadRequest },
        { """{"duration_seconds": 3601}""", HttpStatusCode.BadRequest },
        { """{"requests_per_client": 0}""", HttpStatusCode.BadRequest },
        { """{"num_clients": "5"}""", HttpStatusCode.BadRequest },
        { """{"num_clients": 5.5}""", HttpStatusCode.BadRequest },
        { """{"target_url": "http://example.com/"}""", HttpStatusCode.BadRequest },
        { """{"model_id": "../../etc"}""", HttpStatusCode.BadRequest },
        { """{"artifact_id": "weights.bin"}""", HttpStatusCode.BadRequest },
        { """[1, 2]""", HttpStatusCode.BadRequest },
        { """{"num_clients": 5""", HttpStatusCode.BadRequest },
        { """{"model_id": "acme/missing"}""", HttpStatusCode.NotFound },
        { """{"version": "9.9.9"}""", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Workload_BadRequest_GetsProblemDetails_AndStartsNothing(string json, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartWithModelAsync(nameof(Workload_BadRequest_GetsProblemDetails_AndStartsNothing));
        using var admin = app.Admin();

        using var response = await admin.PostAsync("health/performance/workload", Json(json), ct);
        var runs = await admin.GetFromJsonAsync<JsonElement>("health/performance/runs", ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, runs.GetArrayLength());
        Assert.Equal(0, app.ServerErrors);
    }

    [Fact]
    public async Task Workload_AuthTypesAndIds_AreChecked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartWithModelAsync(nameof(Workload_AuthTypesAndIds_AreChecked));
        using var admin = app.Admin();
        using var reader = app.Reader();
        using var anonymous = app.Anonymous();

        using var asReader = await reader.PostAsync("health/performance/workload", Json("{}"), ct);
        using var asAnonymous = await anonymous.PostAsync("health/performance/workload", Json("{}"), ct);
        using var notJson = await admin.PostAsync("health/performance/workload", new StringContent("num_clients=5", Encoding.UTF8, "text/plain"), ct);
        using var badId = await reader.GetAsync("health/performance/results/not-a-uuid", ct);
        using var unknownId = await reader.GetAsync($"health/performance/results/{Guid.NewGuid()}", ct);

        Assert.Equal(HttpStatusCode.Forbidden, asReader.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownId.StatusCode);
    }

    [Fact]
    public async Task ThreeConcurrentRuns_NeverMixTheirNumbers_AndAFourthIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartWithModelAsync(nameof(ThreeConcurrentRuns_NeverMixTheirNumbers_AndAFourthIsRefused),
            new() { ["Performance:max_concurrent_runs"] = "3" });
        using var admin = app.Admin();
        var store = app.Services.GetRequiredService<PerformanceRunStore>();

        var clients = new[] { 1, 3, 6 };
        var started = new List<string>();
        foreach (var count in clients)
        {
            using var response = await admin.PostAsync("health/performance/workload", Json($$"""{"num_clients": {{count}}, "duration_seconds": 3}"""), ct);
            started.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("run_id").GetString()!);
        }

        using var fourth = await admin.PostAsync("health/performance/workload", Json("""{"num_clients": 1, "duration_seconds": 1}"""), ct);
        var summaries = new List<JsonElement>();
        foreach (var runId in started)
        {
            summaries.Add(await WaitForEndAsync(admin, runId, ct));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(3, started.Distinct().Count());
        for (var i = 0; i < clients.Length; i++)
        {
            Assert.Equal("completed", summaries[i].GetProperty("status").GetString());
            Assert.Equal(clients[i], summaries[i].GetProperty("config").GetProperty("num_clients").GetInt32());
            var total = summaries[i].GetProperty("total_requests").GetInt64();
            Assert.True(total >= clients[i]);
            Assert.Equal(total, await store.CountRecordsAsync(started[i], ct)); // each run holds exactly its own records
        }
    }

    [Fact]
    public async Task Reset_RemovesEveryRunAndRecord()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartWithModelAsync(nameof(Reset_RemovesEveryRunAndRecord));
        using var admin = app.Admin();
        using var started = await admin.PostAsync("health/performance/workload", Json("""{"num_clients": 2, "duration_seconds": 1}"""), ct);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("run_id").GetString()!;
        await WaitForEndAsync(admin, runId, ct);

        (await admin.DeleteAsync("reset", ct)).EnsureSuccessStatusCode();
        using var results = await admin.GetAsync($"health/performance/results/{runId}", ct);
        var runs = await admin.GetFromJsonAsync<JsonElement>("health/performance/runs", ct);

        Assert.Equal(HttpStatusCode.NotFound, results.StatusCode);
        Assert.Equal(0, runs.GetArrayLength());
        Assert.Equal(0, await app.Services.GetRequiredService<PerformanceRunStore>().CountRecordsAsync(runId, ct));
    }

    [Fact]
    public async Task StorageFailingHalfWay_EndsWithTheErrorsRecorded_AndTheServiceKeepsAnswering()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartWithModelAsync(nameof(StorageFailingHalfWay_EndsWithTheErrorsRecorded_AndTheServiceKeepsAnswering));
        using var admin = app.Admin();
        using var started = await admin.PostAsync("health/performance/workload", Json("""{"num_clients": 3, "duration_seconds": 4}"""), ct);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("run_id").GetString()!;

        // Half-way, the archive disappears from S3 underneath the registry.
        await WaitUntilAsync(async () => (await admin.GetFromJsonAsync<JsonElement>($"health/performance/results/{runId}", ct)).GetProperty("total_requests").GetInt64() > 0, TimeSpan.FromSeconds(60), ct);
        using (var s3 = AwsClientFactory.CreateS3Client(app.Endpoints.S3))
        {
            foreach (var item in (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = app.Names.Bucket }, ct)).S3Objects ?? [])
            {
                await s3.DeleteObjectAsync(app.Names.Bucket, item.Key, ct);
            }
        }

        var summary = await WaitForEndAsync(admin, runId, ct);
        using var health = await admin.GetAsync("health", ct);

        Assert.Contains(summary.GetProperty("status").GetString(), new[] { "completed", "failed" });
        Assert.True(summary.GetProperty("total_errors").GetInt64() > 0, "the failed downloads are counted as errors");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Dashboard_IsServedWithoutExternalAssets()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Dashboard_IsServedWithoutExternalAssets));
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync("dashboard", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/health/performance/workload", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<RegistryApp> StartWithModelAsync(string owner, Dictionary<string, string?>? settings = null)
    {
        var app = await StartAsync(fixture, owner, settings);
        using var admin = app.Admin();
        (await admin.PutAsync(Tiny, Zip(Archive(64 * 1024, 1)), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return app;
    }

    private static async Task<JsonElement> WaitForEndAsync(HttpClient client, string runId, CancellationToken ct)
    {
        JsonElement summary = default;
        await WaitUntilAsync(async () =>
        {
            summary = await client.GetFromJsonAsync<JsonElement>($"health/performance/results/{runId}", ct);
            return summary.GetProperty("status").GetString() != "in_progress";
        }, TimeSpan.FromSeconds(60), ct);
        return summary;
    }
}
