using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using Npgsql;
using PerfTesting.BackingServices;
using PerfTesting.Measurement;
using PerfTesting.BackingServices.Fixtures;
using Registry.Diagnostics;
using Registry.Seeding;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>Reset, health, tracks, seeding, metrics and the correlation id.</summary>
public sealed class AdminAndHealthTests(BackingServicesFixture fixture)
{
    [Fact]
    public async Task Reset_DeletesEveryObjectItemAndRow_AndTheRegistryWorksAfterwards()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Reset_DeletesEveryObjectItemAndRow_AndTheRegistryWorksAfterwards));
        using var admin = app.Admin();
        (await admin.PutAsync("models/acme/s3model/1.0.0", Zip(Archive(4096, 1)), ct)).EnsureSuccessStatusCode();
        // A second registry on the same resources that stores in PostgreSQL: reset must clear both stores.
        await using var samePlacePostgres = new RegistryApp(app.Endpoints, "unused", new Dictionary<string, string?>
        {
            ["Registry:Bucket"] = app.Names.Bucket,
            ["Registry:TablePrefix"] = app.Names.TablePrefix,
            ["Registry:Database"] = app.Names.Database,
            ["Performance:storage_backend"] = "Postgres",
        });
        using (var pgAdmin = samePlacePostgres.Admin())
        {
            (await pgAdmin.PutAsync("models/acme/pgmodel/1.0.0", Zip(Archive(4096, 2)), ct)).EnsureSuccessStatusCode();
        }

        using var reset = await admin.DeleteAsync("reset", ct);
        var list = await admin.GetFromJsonAsync<JsonElement>("models", ct);
        using var s3 = AwsClientFactory.CreateS3Client(app.Endpoints.S3);
        var objects = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = app.Names.Bucket }, ct);
        var connection = await PostgresDatabases.CreateAsync(app.Endpoints.PostgresConnectionString, app.Names.Database, ct);
        await using var dataSource = NpgsqlDataSource.Create(connection);
        var rows = (long)(await dataSource.CreateCommand("SELECT count(*) FROM archive_chunks").ExecuteScalarAsync(ct))!;
        using var afterwards = await admin.PutAsync("models/acme/s3model/1.0.0", Zip(Archive(4096, 3)), ct);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Empty(objects.S3Objects ?? []);
        Assert.Equal(0, rows);
        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode); // different bytes are welcome again: a fresh install
    }

    [Fact]
    public async Task HealthComponents_ShowStatusesToAnyone_AndLatencyOnlyToAReader_FromBackgroundProbes()
    {
        var ct = TestContext.Current.CancellationToken;
        // A long interval: every call below must be served from the one probe round made at start.
        await using var app = await StartAsync(fixture, nameof(HealthComponents_ShowStatusesToAnyone_AndLatencyOnlyToAReader_FromBackgroundProbes),
            new Dictionary<string, string?> { ["Resilience:HealthProbeIntervalSeconds"] = "600" });
        using var anonymous = app.Anonymous();
        using var reader = app.Reader();

        var open = await anonymous.GetStringAsync("health/components", ct);
        var detailed = await reader.GetFromJsonAsync<JsonElement>("health/components", ct);
        var again = await reader.GetFromJsonAsync<JsonElement>("health/components", ct);
        var tracks = await anonymous.GetFromJsonAsync<JsonElement>("tracks", ct);

        var openJson = JsonDocument.Parse(open).RootElement;
        Assert.Equal("ok", openJson.GetProperty("status").GetString());
        foreach (var component in new[] { "s3", "postgres", "dynamodb", "performance" })
        {
            var status = openJson.GetProperty("components").GetProperty(component);
            Assert.Equal("ok", status.GetProperty("status").GetString());
            Assert.Single(status.EnumerateObject()); // the status word only
        }

        Assert.DoesNotContain("127.0.0.1", open, StringComparison.Ordinal);
        foreach (var component in new[] { "s3", "postgres", "dynamodb" })
        {
            var status = detailed.GetProperty("components").GetProperty(component);
            Assert.Equal("ok", status.GetProperty("status").GetString());
            Assert.True(status.GetProperty("latency_ms").GetDouble() > 0);
            // Served from the background round, not probed per call.
            Assert.Equal(status.GetProperty("checked_at").GetString(), again.GetProperty("components").GetProperty(component).GetProperty("checked_at").GetString());
        }

        var process = detailed.GetProperty("components").GetProperty("process");
        Assert.True(process.GetProperty("allocated_bytes").GetInt64() > 0);
        Assert.True(process.GetProperty("cpu_seconds").GetDouble() > 0);
        Assert.False(detailed.GetProperty("components").GetProperty("archive_cache").GetProperty("enabled").GetBoolean());
        Assert.Contains("Performance track", tracks.GetProperty("plannedTracks").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task HealthComponents_S3IsOk_WhenTheBucketHoldsManyObjects_AndResetPagesThroughMoreThanOneListing()
    {
        // s3rver answers a truncated ListObjectsV2 with a 500: the probe used to say "down" from two
        // objects on, and reset's listing failed past 1,000 objects.
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(HealthComponents_S3IsOk_WhenTheBucketHoldsManyObjects_AndResetPagesThroughMoreThanOneListing),
            new Dictionary<string, string?> { ["Resilience:HealthProbeIntervalSeconds"] = "0.2" });
        using var admin = app.Admin();
        using var s3 = AwsClientFactory.CreateS3Client(app.Endpoints.S3);
        const int Objects = 1_050; // more than one 1,000-key page
        await Parallel.ForAsync(0, Objects, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var put = AwsClientFactory.NewPutObjectRequest(app.Names.Bucket, $"models/bulk/{i:D5}.zip");
            put.ContentBody = "x";
            await s3.PutObjectAsync(put, token);
        });
        var before = DateTimeOffset.UtcNow;

        // The next probe round after the objects exist must still say ok.
        JsonElement health = default;
        await WaitUntilAsync(async () =>
        {
            health = await admin.GetFromJsonAsync<JsonElement>("health/components", ct);
            return health.GetProperty("components").GetProperty("s3").GetProperty("checked_at").GetDateTimeOffset() > before;
        }, TimeSpan.FromSeconds(30), ct);
        using var reset = await admin.DeleteAsync("reset", ct);
        var left = await s3.ListObjectsAsync(new ListObjectsRequest { BucketName = app.Names.Bucket }, ct);

        Assert.Equal("ok", health.GetProperty("components").GetProperty("s3").GetProperty("status").GetString());
        Assert.True(reset.StatusCode == HttpStatusCode.OK, $"reset: {(int)reset.StatusCode} {await reset.Content.ReadAsStringAsync(ct)}");
        Assert.Empty(left.S3Objects ?? []);
        Assert.Equal(0, app.ServerErrors);
    }

    [Fact]
    public async Task Seed_TwiceLeavesExactlyTheRequestedModels_AndTinyLlmDownloads()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Seed_TwiceLeavesExactlyTheRequestedModels_AndTinyLlmDownloads));
        using var admin = app.Admin();
        var seeder = new RegistrySeeder(admin, TextWriter.Null);

        await seeder.SeedAsync(25, 2 * 1024 * 1024, ct);
        var second = await seeder.SeedAsync(25, 2 * 1024 * 1024, ct);
        var all = await admin.GetFromJsonAsync<JsonElement>("models?limit=1000", ct);
        var archive = await admin.GetByteArrayAsync($"models/{RegistrySeeder.TinyLlmId}/{RegistrySeeder.TinyLlmVersion}/model.zip", ct);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(archive));

        Assert.Equal(0, second.MetadataModelsCreated);
        Assert.Equal(25, all.GetProperty("items").GetArrayLength());
        Assert.InRange(archive.Length, 2 * 1024 * 1024 - 1024, 2 * 1024 * 1024 + 1024);
        Assert.Contains(zip.Entries, e => e.FullName == "model.safetensors");
    }

    [Fact]
    public async Task Download_PublishesTheRegistryInstruments_AndEchoesTheCorrelationId()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Download_PublishesTheRegistryInstruments_AndEchoesTheCorrelationId));
        using var admin = app.Admin();
        (await admin.PutAsync("models/acme/metered/1.0.0", Zip(Archive(100_000, 1)), ct)).EnsureSuccessStatusCode();
        using var capture = new MeterCapture([RegistryMetrics.MeterName]);
        capture.Start();

        using var request = new HttpRequestMessage(HttpMethod.Get, "models/acme/metered/1.0.0/model.zip");
        request.Headers.Add("X-Correlation-Id", "test-correlation-42");
        using var response = await admin.SendAsync(request, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        // The handler records after its last write, so the client can hold every byte a moment before the
        // server has recorded: wait (bounded) for the last instrument the handler records.
        await WaitUntilAsync(() => Task.FromResult(capture.Summaries().Any(s => s.Name == RegistryMetrics.BytesSent)), TimeSpan.FromSeconds(10), ct);
        capture.Stop();
        var summaries = capture.Summaries().ToDictionary(s => s.Name); // one entry per name, whatever else runs in parallel

        Assert.Equal("test-correlation-42", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.True(summaries[RegistryMetrics.S3Read].Count >= 1);
        Assert.True(summaries[RegistryMetrics.DynamoDbLookup].Count >= 1);
        Assert.True(summaries[RegistryMetrics.DynamoDbOperation].Count >= 1); // the download's GetItem, timed by the client pipeline
        Assert.True(summaries[RegistryMetrics.AuthValidation].Count >= 1);
        Assert.True(summaries[RegistryMetrics.DownloadDuration].Count >= 1);
        Assert.True(summaries[RegistryMetrics.BytesSent].Sum >= 100_000);
    }
}
