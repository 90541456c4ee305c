using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Fixtures;
using Registry.Catalog;
using Registry.Models;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>
/// A streamed download remembers the archive it read and skips the catalog lookup the next time
/// (DownloadRecords); the store's read is what checks it. Two instances of one registry share the
/// backing services: a reset and a new upload through B must be what A serves next, with no message
/// between the instances.
/// </summary>
public sealed class DownloadRecordsTests(BackingServicesFixture fixture)
{
    [Theory]
    [InlineData("S3")]
    [InlineData("Postgres")]
    public async Task RememberedArchive_AfterAResetAndANewUploadThroughAnotherInstance_ServesTheNewBytes(string backend)
    {
        // Arrange: A downloads version 1.0.0 and so remembers its archive.
        var ct = TestContext.Current.CancellationToken;
        var services = await fixture.GetDefaultAsync(ct);
        var names = IsolatedNames.For(nameof(RememberedArchive_AfterAResetAndANewUploadThroughAnotherInstance_ServesTheNewBytes) + backend);
        await using var a = new RegistryApp(services.Endpoints, names, RegistryApp.Backend(backend));
        await using var b = new RegistryApp(services.Endpoints, names, RegistryApp.Backend(backend));
        using var adminA = a.Admin();
        using var adminB = b.Admin();
        var first = Archive(300_000, 1);
        var second = Archive(200_000, 2);
        const string Path = "models/acme/remembered/1.0.0";
        (await adminA.PutAsync(Path, Zip(first), ct)).EnsureSuccessStatusCode();
        Assert.Equal(first, await adminA.GetByteArrayAsync(Path + "/model.zip", ct));
        Assert.True(a.Services.GetRequiredService<DownloadRecords>().TryGet(Key(), out var kept));

        // Act 1: B resets; A's entry still names the deleted archive.
        (await adminB.DeleteAsync("reset", ct)).EnsureSuccessStatusCode();
        using var gone = await adminA.GetAsync(Path + "/model.zip", ct);

        // Act 2: B uploads other bytes under the same version; a range beyond the old size is asked first.
        (await adminB.PutAsync(Path, Zip(second), ct)).EnsureSuccessStatusCode();
        (await adminA.GetAsync(Path + "/model.zip", ct)).Dispose(); // remembers the new archive
        using var tail = new HttpRequestMessage(HttpMethod.Get, Path + "/model.zip");
        tail.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(150_000, null);
        using var tailResponse = await adminA.SendAsync(tail, ct);
        var tailBytes = await tailResponse.Content.ReadAsByteArrayAsync(ct);
        var again = await adminA.GetByteArrayAsync(Path + "/model.zip", ct);

        // Assert
        Assert.Equal(first.Length, kept.SizeBytes);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PartialContent, tailResponse.StatusCode);
        Assert.Equal(second.AsSpan(150_000).ToArray(), tailBytes);
        Assert.Equal(second, again);
        Assert.Equal(0, a.ServerErrors + b.ServerErrors);
    }

    [Fact]
    public async Task RememberedArchive_WithARangeBeyondItsSize_AsksTheCatalog_WhichHasTheLargerNewArchive()
    {
        // A remembered 100,000-byte archive; the version is reset and re-uploaded with 300,000 bytes through B.
        var ct = TestContext.Current.CancellationToken;
        var services = await fixture.GetDefaultAsync(ct);
        var names = IsolatedNames.For(nameof(RememberedArchive_WithARangeBeyondItsSize_AsksTheCatalog_WhichHasTheLargerNewArchive));
        await using var a = new RegistryApp(services.Endpoints, names);
        await using var b = new RegistryApp(services.Endpoints, names);
        using var adminA = a.Admin();
        using var adminB = b.Admin();
        var larger = Archive(300_000, 4);
        const string Path = "models/acme/grown/1.0.0";
        (await adminA.PutAsync(Path, Zip(Archive(100_000, 3)), ct)).EnsureSuccessStatusCode();
        (await adminA.GetAsync(Path + "/model.zip", ct)).Dispose();
        (await adminB.DeleteAsync("reset", ct)).EnsureSuccessStatusCode();
        (await adminB.PutAsync(Path, Zip(larger), ct)).EnsureSuccessStatusCode();

        // A range only the new archive has: not a 416 from the remembered size.
        using var request = new HttpRequestMessage(HttpMethod.Get, Path + "/model.zip");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(200_000, 200_099);
        using var response = await adminA.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(larger.AsSpan(200_000, 100).ToArray(), bytes);
    }

    [Theory]
    [InlineData("archive_cache_enabled", "true")]
    [InlineData("presigned_urls_enabled", "true")]
    [InlineData("remember_downloaded_archives", "false")]
    public async Task Download_WithTheArchiveCacheOrRedirectsOnOrRememberingOff_RemembersNothing(string option, string value)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Download_WithTheArchiveCacheOrRedirectsOnOrRememberingOff_RemembersNothing) + option,
            new Dictionary<string, string?> { ["Performance:" + option] = value });
        using var admin = app.Admin();
        const string Path = "models/acme/cached/1.0.0";
        (await admin.PutAsync(Path, Zip(Archive(50_000, 5)), ct)).EnsureSuccessStatusCode();

        using var response = await admin.GetAsync(Path + "/model.zip", ct);

        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.TemporaryRedirect, $"answered {(int)response.StatusCode}");
        Assert.False(app.Services.GetRequiredService<DownloadRecords>().TryGet(Key("cached"), out _));
    }

    private static ModelKey Key(string name = "remembered") =>
        ModelKey.TryCreate("acme", name, "1.0.0", out var key, out _) ? key : throw new InvalidOperationException();
}
