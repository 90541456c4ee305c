using System.Net;
using System.Net.Http.Headers;
using PerfTesting.BackingServices.Fixtures;
using Tests.Shared;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>No token → 401, a reader where an admin is needed → 403, an unknown token → 401.</summary>
public sealed class AuthTests(BackingServicesFixture fixture)
{
    public static TheoryData<string, string, string, HttpStatusCode> Rules => new()
    {
        // method, path, who, expected
        { "GET", "models", "anonymous", HttpStatusCode.Unauthorized },
        { "GET", "models", "reader", HttpStatusCode.OK },
        { "GET", "models", "wrong", HttpStatusCode.Unauthorized },
        { "GET", "models/acme/auth/1.0.0/model.zip", "anonymous", HttpStatusCode.Unauthorized },
        { "GET", "models/acme/auth/1.0.0/model.zip", "reader", HttpStatusCode.OK },
        { "GET", "models/acme/auth/1.0.0", "anonymous", HttpStatusCode.Unauthorized },
        { "PUT", "models/acme/auth/2.0.0", "anonymous", HttpStatusCode.Unauthorized },
        { "PUT", "models/acme/auth/2.0.0", "reader", HttpStatusCode.Forbidden },
        { "PUT", "models/acme/auth/2.0.0", "admin", HttpStatusCode.Created },
        { "DELETE", "reset", "anonymous", HttpStatusCode.Unauthorized },
        { "DELETE", "reset", "reader", HttpStatusCode.Forbidden },
        { "DELETE", "reset", "wrong", HttpStatusCode.Unauthorized },
        { "GET", "health", "anonymous", HttpStatusCode.OK },
        { "GET", "tracks", "anonymous", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Request_GetsTheStatusItsRoleAllows(string method, string path, string who, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(Request_GetsTheStatusItsRoleAllows));
        using (var admin = app.Admin())
        {
            (await admin.PutAsync("models/acme/auth/1.0.0", Zip(Archive(2048, 1)), ct)).EnsureSuccessStatusCode();
        }

        using var client = app.Client(who switch
        {
            "admin" => RegistryApp.AdminToken,
            "reader" => RegistryApp.ReaderToken,
            "wrong" => "not-a-token-of-this-registry",
            _ => null,
        });
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = Zip(Archive(2048, 2));
        }

        using var response = await client.SendAsync(request, ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }
    }

    [Fact]
    public async Task MalformedAuthorizationHeader_Is401()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(MalformedAuthorizationHeader_Is401));
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "YWRtaW46YWRtaW4=");

        using var response = await client.GetAsync("models", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
