using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using Npgsql;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Fixtures;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>Reset beside a download that is being read slowly: it must not wait behind it, nor leave the catalog and stores disagreeing.</summary>
public sealed class ResetUnderLoadTests(BackingServicesFixture fixture)
{
    [Theory]
    [InlineData("Postgres")]
    [InlineData("S3")]
    public async Task Reset_WithASlowReaderOpen_AnswersWithinTheBound_AndLeavesEverythingEmpty(string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Reset_WithASlowReaderOpen_AnswersWithinTheBound_AndLeavesEverythingEmpty) + backend, Tests.Shared.RegistryApp.Backend(backend));
        using var admin = app.Admin();
        var big = Archive(8 * 1024 * 1024, 1);
        (await admin.PutAsync("models/slow/big/1.0.0", Zip(big), ct)).EnsureSuccessStatusCode();
        (await admin.PutAsync("models/slow/small/1.0.0", Zip(Archive(4096, 2)), ct)).EnsureSuccessStatusCode();

        // The slow reader: headers and a first block, then it stops reading (the server blocks on its write).
        using var slowClient = app.Reader();
        using var slow = await slowClient.GetAsync("models/slow/big/1.0.0/model.zip", HttpCompletionOption.ResponseHeadersRead, ct);
        var slowBody = await slow.Content.ReadAsStreamAsync(ct);
        var first = new byte[64 * 1024];
        await slowBody.ReadExactlyAsync(first, ct);

        var smallStarted = Stopwatch.GetTimestamp();
        using var small = await admin.GetAsync("models/slow/small/1.0.0/model.zip", ct);
        var smallTook = Stopwatch.GetElapsedTime(smallStarted);
        var resetStarted = Stopwatch.GetTimestamp();
        using var reset = await admin.DeleteAsync("reset", ct);
        var resetTook = Stopwatch.GetElapsedTime(resetStarted);
        var list = await admin.GetFromJsonAsync<JsonElement>("models", ct);
        using var s3 = AwsClientFactory.CreateS3Client(app.Endpoints.S3);
        var objects = await s3.ListObjectsAsync(new ListObjectsRequest { BucketName = app.Names.Bucket }, ct);
        var connection = await PostgresDatabases.CreateAsync(app.Endpoints.PostgresConnectionString, app.Names.Database, ct);
        await using var dataSource = NpgsqlDataSource.Create(connection);
        var rows = (long)(await dataSource.CreateCommand("SELECT count(*) FROM archive_chunks").ExecuteScalarAsync(ct))!;

        // The slow reader may finish on its snapshot or be cut off; what it got is never wrong bytes.
        var rest = new MemoryStream();
        try
        {
            await slowBody.CopyToAsync(rest, ct);
        }
        catch (HttpRequestException)
        {
        }
        catch (IOException)
        {
        }

        var received = first.Concat(rest.ToArray()).ToArray();
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.True(smallTook < TimeSpan.FromSeconds(5), $"small download took {smallTook}");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True(resetTook < TimeSpan.FromSeconds(10), $"reset took {resetTook}"); // it waited 30 s behind the reader
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Empty(objects.S3Objects ?? []);
        Assert.Equal(0, rows);
        Assert.Equal(big.AsSpan(0, received.Length).ToArray(), received);
        Assert.Equal(0, app.ServerErrors);
    }
}
