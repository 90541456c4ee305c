using Microsoft.Extensions.Options;
using PerfTesting.Xunit.Fixtures;
using Tests.Shared;

namespace Tests.Integration.Registry;

/// <summary>Invalid options stop startup with a message that names the option.</summary>
public sealed class OptionsTests(BackingServicesFixture fixture)
{
    public static TheoryData<string, string, string> Invalid => new()
    {
        { "Performance:metadata_cache_ttl_seconds", "0", "MetadataCacheTtlSeconds" },
        { "Performance:presigned_url_expiry_seconds", "999999999", "PresignedUrlExpirySeconds" },
        { "Auth:ReaderToken", "short", "ReaderToken" },
        { "Auth:ReaderToken", RegistryApp.AdminToken, "must differ" },
        { "Registry:Bucket", "Not_A_Bucket", "Registry:Bucket" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task InvalidOption_StopsStartup_NamingIt(string key, string value, string expectedInMessage)
    {
        var services = await fixture.GetAsync(PerfTesting.Environment.BackingServiceKind.LocalProcesses, TestContext.Current.CancellationToken);
        await using var app = new RegistryApp(services.Endpoints, nameof(InvalidOption_StopsStartup_NamingIt), new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(app.StartServer);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(expectedInMessage, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownStorageBackend_StopsStartup()
    {
        var services = await fixture.GetAsync(PerfTesting.Environment.BackingServiceKind.LocalProcesses, TestContext.Current.CancellationToken);
        await using var app = new RegistryApp(services.Endpoints, nameof(UnknownStorageBackend_StopsStartup),
            new Dictionary<string, string?> { ["Performance:storage_backend"] = "ftp" });

        var error = Assert.ThrowsAny<Exception>(app.StartServer);

        Assert.Contains("storage_backend", error.ToString(), StringComparison.Ordinal);
    }
}
