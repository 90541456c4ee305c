using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Fixtures;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>Every class of bad input gets a 4xx problem-details answer, and nothing is stored.</summary>
public sealed class BadInputTests(BackingServicesFixture fixture)
{
    public static TheoryData<string, string> BadPaths => new()
    {
        { "models/acme/..%2F..%2Fetc/1.0.0", "encoded slash and dot-dot" },
        { "models/../acme/x/1.0.0", "dot-dot segment" },
        { "models/acme/a..b/1.0.0", "dot-dot inside a name" },
        { "models/acme/x%01y/1.0.0", "control character" },
        { "models/acme/x%2Fy/1.0.0", "encoded slash" },
        { "models/acme/.hidden/1.0.0", "leading dot" },
        { "models/acme/x/1.0", "version that is not semver" },
        { "models/acme/x/01.0.0", "leading zero in version" },
        { "models/acme/x/1.0.0%00", "NUL in version" },
        { "models/" + new string('a', 97) + "/x/1.0.0", "owner too long" },
    };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public async Task Put_WithABadPath_IsRejected_AndStoresNothing(string path, string why)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Put_WithABadPath_IsRejected_AndStoresNothing));
        using var admin = app.Admin();

        using var response = await admin.PutAsync(path, Zip(Archive(1024, 1)), ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{why}: {response.StatusCode}");
        await AssertNothingStoredAsync(app, admin, ct);
    }

    [Fact]
    public async Task Put_BadBodiesAndHeaders_GetProblemDetails_AndStoreNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Put_BadBodiesAndHeaders_GetProblemDetails_AndStoreNothing),
            new Dictionary<string, string?> { ["Registry:MaxArchiveBytes"] = "65536" });
        using var admin = app.Admin();
        const string Path = "models/acme/x/1.0.0";

        async Task<(HttpStatusCode Status, JsonElement Problem)> Put(HttpContent content, string? metadata = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, Path) { Content = content };
            if (metadata is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Model-Metadata", metadata);
            }

            using var response = await admin.SendAsync(request, ct);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(ct));
        }

        var notZip = await Put(new ByteArrayContent(Encoding.UTF8.GetBytes("hello")) { Headers = { ContentType = new("application/zip") } });
        var empty = await Put(Zip([]));
        var wrongType = await Put(new StringContent("x", Encoding.UTF8, "text/plain"));
        var tooLarge = await Put(Zip(Archive(65537, 1)));
        var chunkedTooLarge = await Put(new StreamContent(new MemoryStream(Archive(200_000, 1))) { Headers = { ContentType = new("application/zip") } });
        var badMetadataHeader = await Put(Zip(Archive(100, 1)), "{not json");
        var nonStringMetadata = await Put(Zip(Archive(100, 1)), """{"n": 1}""");
        var arrayMetadataBody = await Put(new StringContent("[1,2]", Encoding.UTF8, "application/json"));
        var truncatedJson = await Put(new StringContent("{\"a\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, notZip.Status);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunkedTooLarge.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badMetadataHeader.Status);
        Assert.Equal(HttpStatusCode.BadRequest, nonStringMetadata.Status);
        Assert.Equal(HttpStatusCode.BadRequest, arrayMetadataBody.Status);
        Assert.Equal(HttpStatusCode.BadRequest, truncatedJson.Status);
        Assert.Equal(400, notZip.Problem.GetProperty("status").GetInt32());
        Assert.Contains("zip", notZip.Problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(app, admin, ct);
    }

    [Theory]
    [InlineData("models?limit=0")]
    [InlineData("models?limit=1001")]
    [InlineData("models?limit=abc")]
    [InlineData("models?limit=-1")]
    [InlineData("models?limit=1%00")] // int.TryParse alone accepts a trailing NUL
    [InlineData("models?limit=%201")]
    [InlineData("models?limit=")]
    [InlineData("models?cursor=not-a-cursor!")]
    [InlineData("models?cursor=Li4vLi4vZXRjLzEuMC4w")] // base64url of "../../etc/1.0.0"
    public async Task List_WithBadQuery_Is400(string query)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(List_WithBadQuery_Is400));
        using var reader = app.Reader();

        using var response = await reader.GetAsync(query, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, app.ServerErrors);
    }

    public static TheoryData<string, string> UnpairedSurrogates => new()
    {
        { "header", """{"a":"\ud800"}""" },
        { "header", """{"\udc00":"v"}""" },
        { "body", """{"a":"x\ud800y"}""" },
        { "body", """{"\ud800":"v"}""" },
    };

    [Theory]
    [MemberData(nameof(UnpairedSurrogates))]
    public async Task Put_MetadataWithAnUnpairedSurrogate_Is400_AndStoresNothing(string where, string metadata)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Put_MetadataWithAnUnpairedSurrogate_Is400_AndStoresNothing));
        using var admin = app.Admin();
        using var request = new HttpRequestMessage(HttpMethod.Put, "models/acme/x/1.0.0");
        if (where == "header")
        {
            request.Content = Zip(Archive(1024, 1));
            request.Headers.TryAddWithoutValidation("X-Model-Metadata", metadata);
        }
        else
        {
            request.Content = new StringContent(metadata, Encoding.UTF8, "application/json");
        }

        using var response = await admin.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(app, admin, ct);
    }

    [Theory]
    [InlineData("APPLICATION/ZIP")]
    [InlineData("Application/Zip")]
    [InlineData("application/ZIP; charset=binary")]
    public async Task Put_MediaTypeInAnyCase_IsAccepted(string mediaType)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Put_MediaTypeInAnyCase_IsAccepted));
        using var admin = app.Admin();
        var content = new ByteArrayContent(Archive(1024, 7));
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);

        using var response = await admin.PutAsync("models/acme/x/1.0.0", content, ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(0, app.ServerErrors);
    }

    [Fact]
    public async Task UnknownModel_Is404ProblemDetails()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(UnknownModel_Is404ProblemDetails));
        using var reader = app.Reader();

        using var get = await reader.GetAsync("models/acme/none/1.0.0", ct);
        using var download = await reader.GetAsync("models/acme/none/1.0.0/model.zip", ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal("application/problem+json", download.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertNothingStoredAsync(RegistryApp app, HttpClient admin, CancellationToken ct)
    {
        var list = await admin.GetFromJsonAsync<JsonElement>("models", ct);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        using var s3 = AwsClientFactory.CreateS3Client(app.Endpoints.S3);
        var objects = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = app.Names.Bucket }, ct);
        Assert.Empty(objects.S3Objects ?? []);
        Assert.Equal(0, app.ServerErrors);
    }
}
