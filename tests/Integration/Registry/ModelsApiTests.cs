using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using PerfTesting.BackingServices.Fixtures;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>Upload, idempotency, conflicts, download and ranges, on both storage backends.</summary>
public sealed class ModelsApiTests(BackingServicesFixture fixture)
{
    public static TheoryData<string> Backends => ["S3", "Postgres"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Put_ThenDownload_IsByteExact_AndRePutIsIdempotent(string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Put_ThenDownload_IsByteExact_AndRePutIsIdempotent), RegistryApp.Backend(backend));
        using var admin = app.Admin();
        using var reader = app.Reader();
        var bytes = Archive(3 * 1024 * 1024 + 17, 1); // crosses PostgreSQL chunk boundaries

        using var created = await admin.PutAsync("models/arnir0/Tiny-LLM/1.0.0", Zip(bytes), ct);
        using var again = await admin.PutAsync("models/arnir0/Tiny-LLM/1.0.0", Zip(bytes), ct);
        using var download = await reader.GetAsync("models/arnir0/Tiny-LLM/1.0.0/model.zip", ct);
        var body = await download.Content.ReadAsByteArrayAsync(ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/models/arnir0/Tiny-LLM/1.0.0", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(body));
        var model = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(backend.ToLowerInvariant(), model.GetProperty("storage_backend").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), model.GetProperty("sha256").GetString());
        Assert.Equal(0, app.ServerErrors);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Put_DifferentBytesForAnExistingVersion_Is409_AndKeepsTheFirst(string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Put_DifferentBytesForAnExistingVersion_Is409_AndKeepsTheFirst), RegistryApp.Backend(backend));
        using var admin = app.Admin();
        var first = Archive(4096, 1);

        using var created = await admin.PutAsync("models/acme/m/2.1.0", Zip(first), ct);
        using var conflict = await admin.PutAsync("models/acme/m/2.1.0", Zip(Archive(4096, 2)), ct);
        var stored = await admin.GetByteArrayAsync("models/acme/m/2.1.0/model.zip", ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first, stored);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Put_RacingDifferentBytes_OneWinsAndItsBytesAreServed(string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Put_RacingDifferentBytes_OneWinsAndItsBytesAreServed), RegistryApp.Backend(backend));
        using var admin = app.Admin();
        var candidates = Enumerable.Range(10, 6).Select(seed => Archive(256 * 1024, seed)).ToArray();

        var responses = await Task.WhenAll(candidates.Select(bytes => admin.PutAsync("models/acme/race/1.0.0", Zip(bytes), ct)));
        var stored = await admin.GetByteArrayAsync("models/acme/race/1.0.0/model.zip", ct);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var winner = Array.IndexOf(responses, responses.Single(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(candidates[winner], stored);
        Assert.Equal(0, app.ServerErrors);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Download_WithRanges_ReturnsExactlyThoseBytes(string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Download_WithRanges_ReturnsExactlyThoseBytes), RegistryApp.Backend(backend));
        using var admin = app.Admin();
        var bytes = Archive(2 * 1024 * 1024 + 100, 3);
        (await admin.PutAsync("models/acme/ranged/1.0.0", Zip(bytes), ct)).EnsureSuccessStatusCode();

        async Task<(HttpStatusCode Status, byte[] Body, string? ContentRange)> GetRange(string range)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "models/acme/ranged/1.0.0/model.zip");
            request.Headers.TryAddWithoutValidation("Range", range);
            using var response = await admin.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentRange?.ToString());
        }

        var crossing = await GetRange("bytes=1048570-1048589"); // across the first 1 MiB chunk boundary
        var suffix = await GetRange("bytes=-10");
        var openEnded = await GetRange($"bytes={bytes.Length - 5}-");
        var pastEnd = await GetRange($"bytes={bytes.Length}-");
        var malformed = await GetRange("bytes=abc");
        var firstByte = await GetRange("bytes=0-0"); // the AWS SDK reads ByteRange(0, 0) as "from 0 to the end": was a 500

        Assert.Equal(HttpStatusCode.PartialContent, crossing.Status);
        Assert.Equal(bytes[1048570..1048590], crossing.Body);
        Assert.Equal($"bytes 1048570-1048589/{bytes.Length}", crossing.ContentRange);
        Assert.Equal(bytes[^10..], suffix.Body);
        Assert.Equal(bytes[^5..], openEnded.Body);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, pastEnd.Status);
        Assert.Equal(HttpStatusCode.OK, malformed.Status); // an unparsable Range is ignored (RFC 9110)
        Assert.Equal(bytes, malformed.Body);
        Assert.Equal(HttpStatusCode.PartialContent, firstByte.Status);
        Assert.Equal(bytes[..1], firstByte.Body);
    }

    [Fact]
    public async Task List_PagesThroughEveryModelOnce_InStableOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(List_PagesThroughEveryModelOnce_InStableOrder));
        using var admin = app.Admin();
        var expected = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            using var metadata = JsonContent.Create(new Dictionary<string, string> { ["i"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            (await admin.PutAsync($"models/acme/model-{i}/1.0.{i}", metadata, ct)).EnsureSuccessStatusCode();
            expected.Add($"acme/model-{i}@1.0.{i}");
        }

        var seen = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 10; page++)
        {
            var json = await admin.GetFromJsonAsync<JsonElement>($"models?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}", ct);
            seen.AddRange(json.GetProperty("items").EnumerateArray().Select(m => $"{m.GetProperty("model_id").GetString()}@{m.GetProperty("version").GetString()}"));
            cursor = json.GetProperty("next_cursor").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task MetadataOnlyModel_IsListed_ButHasNoArchive()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(MetadataOnlyModel_IsListed_ButHasNoArchive));
        using var admin = app.Admin();

        using var created = await admin.PutAsync("models/acme/meta/0.1.0", JsonContent.Create(new { task = "classification" }), ct);
        var model = await admin.GetFromJsonAsync<JsonElement>("models/acme/meta/0.1.0", ct);
        using var download = await admin.GetAsync("models/acme/meta/0.1.0/model.zip", ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(model.GetProperty("has_archive").GetBoolean());
        Assert.Equal("classification", model.GetProperty("metadata").GetProperty("task").GetString());
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    // Reads go straight into the response's memory: smaller than a transport block, exactly one, and a
    // setting larger than one (read a block at a time), from each store and from the cache, whole and
    // in a range that ends mid-block. Byte-exact each time.
    [Theory]
    [InlineData("s3", false, 4096)]
    [InlineData("s3", false, 65536)]
    [InlineData("s3", false, 1048576)]
    [InlineData("postgres", false, 65536)]
    [InlineData("postgres", false, 1048576)]
    [InlineData("s3", true, 4096)]
    [InlineData("s3", true, 1048576)]
    public async Task Download_IsByteExact_WhateverTheReadSize(string backend, bool cached, int readBytes)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, $"{nameof(Download_IsByteExact_WhateverTheReadSize)}-{backend}-{cached}-{readBytes}",
            new Dictionary<string, string?>
            {
                ["Performance:storage_backend"] = backend,
                ["Performance:archive_cache_enabled"] = cached ? "true" : "false",
                ["Performance:stream_buffer_bytes"] = readBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        using var admin = app.Admin();
        var bytes = Archive((3 << 20) + 12_345, 11);
        (await admin.PutAsync("models/acme/sizes/1.0.0", Zip(bytes), ct)).EnsureSuccessStatusCode();

        var whole = await admin.GetByteArrayAsync("models/acme/sizes/1.0.0/model.zip", ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "models/acme/sizes/1.0.0/model.zip");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(70_000, 1_500_000);
        using var part = await admin.SendAsync(request, ct);

        Assert.Equal(bytes, whole);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[70_000..1_500_001], await part.Content.ReadAsByteArrayAsync(ct));
    }

    [Fact]
    public async Task Download_WithPresignedUrls_RedirectsToS3_OnlyAfterAuthentication()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Download_WithPresignedUrls_RedirectsToS3_OnlyAfterAuthentication),
            new Dictionary<string, string?> { ["Performance:presigned_urls_enabled"] = "true", ["Performance:presigned_url_expiry_seconds"] = "120" });
        using var admin = app.Admin();
        using var anonymous = app.Anonymous();
        var bytes = Archive(512 * 1024, 4);
        (await admin.PutAsync("models/acme/signed/1.0.0", Zip(bytes), ct)).EnsureSuccessStatusCode();

        using var redirect = await admin.GetAsync("models/acme/signed/1.0.0/model.zip", ct);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        using var refused = await anonymous.GetAsync("models/acme/signed/1.0.0/model.zip", ct);
        using var direct = new HttpClient();
        var fromS3 = await direct.GetByteArrayAsync(redirect.Headers.Location, ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        // The SDK turns the expiry time into seconds from the moment it signs: 120, or 121 after rounding up.
        var expires = System.Web.HttpUtility.ParseQueryString(redirect.Headers.Location!.Query)["X-Amz-Expires"];
        Assert.InRange(int.Parse(expires!, System.Globalization.CultureInfo.InvariantCulture), 119, 121);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.Equal(bytes, fromS3);
    }

    [Fact]
    public async Task MetadataCache_ServesTheSameAnswers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(MetadataCache_ServesTheSameAnswers),
            new Dictionary<string, string?> { ["Performance:metadata_cache_enabled"] = "true", ["Performance:metadata_cache_ttl_seconds"] = "30" });
        using var admin = app.Admin();
        using var missing = await admin.GetAsync("models/acme/cached/1.0.0", ct);
        var bytes = Archive(10_000, 5);
        (await admin.PutAsync("models/acme/cached/1.0.0", Zip(bytes), ct)).EnsureSuccessStatusCode();

        var first = await admin.GetByteArrayAsync("models/acme/cached/1.0.0/model.zip", ct);
        var second = await admin.GetByteArrayAsync("models/acme/cached/1.0.0/model.zip", ct);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode); // a miss is not cached: the upload is seen at once
        Assert.Equal(bytes, first);
        Assert.Equal(bytes, second);
    }
}
