using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Registry.Hosting;
using Tests.Shared;

namespace Tests.Integration.Registry;

/// <summary>
/// Invalid options stop startup with a message that names the option. The registry is built exactly as
/// Program does (AddApplicationServices, UseRegistry) and started: options are validated before any
/// hosted service runs, so no backing service is touched. (Not through WebApplicationFactory: when a
/// host fails to start under UseKestrel, the factory sometimes reports an ObjectDisposedException of its
/// own instead of the host's error.)
/// </summary>
public sealed class OptionsTests
{
    public static TheoryData<string, string, string> Invalid => new()
    {
        { "Performance:metadata_cache_ttl_seconds", "0", "MetadataCacheTtlSeconds" },
        { "Performance:presigned_url_expiry_seconds", "999999999", "PresignedUrlExpirySeconds" },
        { "Performance:max_concurrent_runs", "0", "MaxConcurrentRuns" },
        { "Performance:archive_cache_max_bytes", "1000", "ArchiveCacheMaxBytes" },
        { "Performance:archive_cache_directory", "relative/cache", "archive_cache_directory" },
        { "Auth:ReaderToken", "short", "ReaderToken" },
        { "Auth:ReaderToken", RegistryApp.AdminToken, "must differ" },
        { "Registry:Bucket", "Not_A_Bucket", "Registry:Bucket" },
        { "BackingServices:Postgres", "", "BackingServices:Postgres" },
        { "Performance:list_cache_ttl_seconds", "0", "ListCacheTtlSeconds" },
        { "Performance:redis_timeout_ms", "5", "RedisTimeoutMs" },
        { "Performance:redis_cache_enabled", "true", "BackingServices:Redis" },
        { "Performance:postgres_max_pool_size", "0", "PostgresMaxPoolSize" },
        { "Performance:postgres_min_pool_size", "500", "postgres_min_pool_size (500) must not exceed postgres_max_pool_size (200)" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task InvalidOption_StopsStartup_NamingIt(string key, string value, string expectedInMessage)
    {
        await using var app = Build(key, value);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownStorageBackend_StopsStartup()
    {
        await using var app = Build("Performance:storage_backend", "ftp");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("storage_backend", error.ToString(), StringComparison.Ordinal);
    }

    private static WebApplication Build(string key, string value)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddApplicationServices();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:AdminToken"] = RegistryApp.AdminToken,
            ["Auth:ReaderToken"] = RegistryApp.ReaderToken,
            ["BackingServices:Postgres"] = "Host=127.0.0.1",
            [key] = value,
        });
        var app = builder.Build();
        app.UseRegistry();
        return app;
    }
}
