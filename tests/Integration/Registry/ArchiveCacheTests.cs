using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PerfTesting.BackingServices.Fixtures;
using Registry.Catalog;
using Registry.Storage.Caching;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>
/// The hot-archive cache on Kestrel against real s3rver and PostgreSQL: byte-exact on first and later
/// reads, ranges served from the cached file, dropped on upload and reset, bounded by size (least
/// recently used first), and one fill for many concurrent first reads. The cache's own counters
/// (fills, cached bytes) are read from the registry's container, white-box.
/// </summary>
public sealed class ArchiveCacheTests(BackingServicesFixture fixture)
{
    public static TheoryData<string> Backends => ["S3", "Postgres"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Download_IsByteExact_FromTheStoreThenFromTheCache_WithOneFill(string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartCachedAsync(nameof(Download_IsByteExact_FromTheStoreThenFromTheCache_WithOneFill), backend);
        using var admin = app.Admin();
        using var reader = app.Reader();
        var bytes = Archive(3 * 1024 * 1024 + 17, 1);
        using var created = await admin.PutAsync("models/acme/cached/1.0.0", Zip(bytes), ct);

        var first = await reader.GetByteArrayAsync("models/acme/cached/1.0.0/model.zip", ct);
        var second = await reader.GetByteArrayAsync("models/acme/cached/1.0.0/model.zip", ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(first));
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(second));
        var cache = Cache(app);
        Assert.Equal(1, cache.Fills);
        Assert.Equal(bytes.Length, cache.CachedBytes);
        Assert.Single(Directory.GetFiles(cache.Directory));
        Assert.Equal(0, app.ServerErrors);
    }

    [Fact]
    public async Task Range_OnACachedArchive_Is206WithTheExactBytes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartCachedAsync(nameof(Range_OnACachedArchive_Is206WithTheExactBytes), "S3");
        using var admin = app.Admin();
        using var reader = app.Reader();
        var bytes = Archive(1024 * 1024, 2);
        using var created = await admin.PutAsync("models/acme/ranged/1.0.0", Zip(bytes), ct);
        await reader.GetByteArrayAsync("models/acme/ranged/1.0.0/model.zip", ct);

        using var middle = await GetRangeAsync(reader, "models/acme/ranged/1.0.0/model.zip", new RangeHeaderValue(1000, 70_999), ct);
        using var suffix = await GetRangeAsync(reader, "models/acme/ranged/1.0.0/model.zip", new RangeHeaderValue(null, 500), ct);
        using var beyond = await GetRangeAsync(reader, "models/acme/ranged/1.0.0/model.zip", new RangeHeaderValue(bytes.Length, null), ct);

        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal($"bytes 1000-70999/{bytes.Length}", middle.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[1000..71_000], await middle.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(HttpStatusCode.PartialContent, suffix.StatusCode);
        Assert.Equal(bytes[^500..], await suffix.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
        Assert.Equal(1, Cache(app).Fills);
        Assert.Equal(0, app.ServerErrors);
    }

    [Fact]
    public async Task Reset_DropsTheCachedFiles_AndTheNextUploadIsServedFresh()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartCachedAsync(nameof(Reset_DropsTheCachedFiles_AndTheNextUploadIsServedFresh), "S3");
        using var admin = app.Admin();
        using var reader = app.Reader();
        var before = Archive(512 * 1024, 3);
        var after = Archive(512 * 1024, 4);
        using var first = await admin.PutAsync("models/acme/reset/1.0.0", Zip(before), ct);
        await reader.GetByteArrayAsync("models/acme/reset/1.0.0/model.zip", ct);
        var cache = Cache(app);
        Assert.Equal(before.Length, cache.CachedBytes);

        using var reset = await admin.DeleteAsync("reset", ct);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(0, cache.CachedBytes);
        Assert.Empty(Directory.GetFiles(cache.Directory));

        using var second = await admin.PutAsync("models/acme/reset/1.0.0", Zip(after), ct);
        var served = await reader.GetByteArrayAsync("models/acme/reset/1.0.0/model.zip", ct);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(after, served);
        Assert.Equal(2, cache.Fills);
        Assert.Equal(after.Length, cache.CachedBytes);
    }

    [Fact]
    public async Task Upload_OverAVersionTheCatalogForgot_DropsItsCachedFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartCachedAsync(nameof(Upload_OverAVersionTheCatalogForgot_DropsItsCachedFile), "S3");
        using var admin = app.Admin();
        using var reader = app.Reader();
        var before = Archive(256 * 1024, 5);
        var after = Archive(300 * 1024, 6);
        using var first = await admin.PutAsync("models/acme/over/1.0.0", Zip(before), ct);
        await reader.GetByteArrayAsync("models/acme/over/1.0.0/model.zip", ct);
        var cache = Cache(app);
        Assert.Equal(before.Length, cache.CachedBytes);

        // Only the catalog forgets the version (as when another replica was reset): the cache is untouched until the upload.
        await app.Services.GetRequiredService<IModelCatalog>().ResetAsync(ct);
        Assert.Equal(before.Length, cache.CachedBytes);
        using var second = await admin.PutAsync("models/acme/over/1.0.0", Zip(after), ct);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(0, cache.CachedBytes);
        var served = await reader.GetByteArrayAsync("models/acme/over/1.0.0/model.zip", ct);

        Assert.Equal(after, served);
        Assert.Equal(after.Length, cache.CachedBytes);
        Assert.Single(Directory.GetFiles(cache.Directory));
    }

    [Fact]
    public async Task Eviction_KeepsTheCacheUnderItsBound_DroppingTheLeastRecentlyUsed()
    {
        var ct = TestContext.Current.CancellationToken;
        const int bound = 1024 * 1024;
        await using var app = await StartCachedAsync(nameof(Eviction_KeepsTheCacheUnderItsBound_DroppingTheLeastRecentlyUsed), "S3", bound);
        using var admin = app.Admin();
        using var reader = app.Reader();
        var archives = new[] { "a", "b", "c" }.Select((name, i) => (Name: name, Bytes: Archive(400 * 1024, 10 + i))).ToArray();
        foreach (var (name, bytes) in archives)
        {
            using var created = await admin.PutAsync($"models/acme/{name}/1.0.0", Zip(bytes), ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        async Task<byte[]> Download(string name) => await reader.GetByteArrayAsync($"models/acme/{name}/1.0.0/model.zip", ct);
        var cache = Cache(app);

        await Download("a");
        await Download("b");
        await Download("a"); // a is now the most recently used, b the least
        await Download("c"); // 3 x 400 KiB does not fit in 1 MiB: b goes
        Assert.Equal(3, cache.Fills);
        Assert.Equal(800 * 1024, cache.CachedBytes);
        Assert.Equal(2, Directory.GetFiles(cache.Directory).Length);

        Assert.Equal(archives[0].Bytes, await Download("a"));
        Assert.Equal(3, cache.Fills);
        Assert.Equal(archives[1].Bytes, await Download("b"));
        Assert.Equal(4, cache.Fills);
        Assert.True(cache.CachedBytes <= bound, $"{cache.CachedBytes} cached bytes over the bound of {bound}");
    }

    [Fact]
    public async Task ArchiveLargerThanTheBound_IsStreamedFromTheStore_WithoutAFill()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartCachedAsync(nameof(ArchiveLargerThanTheBound_IsStreamedFromTheStore_WithoutAFill), "S3", 1024 * 1024);
        using var admin = app.Admin();
        using var reader = app.Reader();
        var bytes = Archive(1024 * 1024 + 1, 20);
        using var created = await admin.PutAsync("models/acme/big/1.0.0", Zip(bytes), ct);

        var served = await reader.GetByteArrayAsync("models/acme/big/1.0.0/model.zip", ct);

        Assert.Equal(bytes, served);
        Assert.Equal(0, Cache(app).Fills);
        Assert.Equal(0, Cache(app).CachedBytes);
    }

    [Fact]
    public async Task ConcurrentFirstReads_ShareOneFill_AndAllAreByteExact()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartCachedAsync(nameof(ConcurrentFirstReads_ShareOneFill_AndAllAreByteExact), "S3");
        using var admin = app.Admin();
        var bytes = Archive(8 * 1024 * 1024, 30);
        var expected = SHA256.HashData(bytes);
        using var created = await admin.PutAsync("models/acme/herd/1.0.0", Zip(bytes), ct);

        var readers = Enumerable.Range(0, 20).Select(_ => app.Reader()).ToArray();
        try
        {
            var bodies = await Task.WhenAll(readers.Select(r => r.GetByteArrayAsync("models/acme/herd/1.0.0/model.zip", ct)));

            Assert.All(bodies, body => Assert.Equal(expected, SHA256.HashData(body)));
            Assert.Equal(1, Cache(app).Fills);
            Assert.Equal(bytes.Length, Cache(app).CachedBytes);
            Assert.Equal(0, app.ServerErrors);
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private static ArchiveCache Cache(RegistryApp app) => app.Services.GetRequiredService<ArchiveCache>();

    private static async Task<HttpResponseMessage> GetRangeAsync(HttpClient client, string path, RangeHeaderValue range, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Range = range;
        return await client.SendAsync(request, ct);
    }

    private Task<RegistryApp> StartCachedAsync(string test, string backend, long maxBytes = 64 * 1024 * 1024)
    {
        var settings = RegistryApp.Backend(backend);
        settings["Performance:archive_cache_enabled"] = "true";
        settings["Performance:archive_cache_max_bytes"] = maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return StartAsync(fixture, test, settings);
    }
}
