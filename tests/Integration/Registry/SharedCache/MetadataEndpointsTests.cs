using System.Net;
using System.Net.Http.Headers;
using PerfTesting.BackingServices.Fixtures;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry.SharedCache;

/// <summary>The requests of the track's metadata workload answer without a server error, with and without the cache.</summary>
public sealed class MetadataEndpointsTests(BackingServicesFixture fixture)
{
    public static TheoryData<string, bool> Cases => new() { { "S3", false }, { "S3", true }, { "Postgres", false } };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ListMetadataAndOneByteRange_Answer200And206(string backend, bool cache)
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = RegistryApp.Backend(backend);
        settings["Performance:metadata_cache_enabled"] = cache ? "true" : "false";
        await using var app = await StartAsync(fixture, nameof(ListMetadataAndOneByteRange_Answer200And206), settings);
        using var admin = app.Admin();
        var bytes = Archive(300_000, 7);
        (await admin.PutAsync("models/acme/ranged/1.0.0", Zip(bytes), ct)).EnsureSuccessStatusCode();

        for (var i = 0; i < 3; i++)
        {
            using var list = await admin.GetAsync("models?limit=50", ct);
            using var metadata = await admin.GetAsync("models/acme/ranged/1.0.0", ct);
            using var request = new HttpRequestMessage(HttpMethod.Get, "models/acme/ranged/1.0.0/model.zip");
            request.Headers.Range = new RangeHeaderValue(0, 0);
            using var ranged = await admin.SendAsync(request, ct);
            var body = await ranged.Content.ReadAsByteArrayAsync(ct);

            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
            Assert.Equal(HttpStatusCode.PartialContent, ranged.StatusCode);
            Assert.Equal([bytes[0]], body);
        }

        Assert.Equal(0, app.ServerErrors);
    }
}
