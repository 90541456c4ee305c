using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using Registry.Auth;
using Registry.Catalog;
using Registry.Diagnostics;
using Registry.Endpoints;
using Registry.Health;
using Registry.Hosting.Transport;
using Registry.Options;
using Registry.Performance;
using Registry.Performance.Dashboard;
using Registry.Reset;
using Registry.Resilience;
using Registry.Storage;
using Registry.Storage.Caching;

namespace Registry.Hosting;

/// <summary>The registry's services and pipeline, kept out of Program.cs.</summary>
internal static class RegistryServiceExtensions
{
    /// <summary>Environment variables the brief names, mapped onto configuration keys.</summary>
    private static readonly (string Variable, string Key)[] Overrides =
    [
        ("STORAGE_BACKEND", $"{PerformanceOptions.Section}:storage_backend"),
        ("REGISTRY_ADMIN_TOKEN", $"{AuthOptions.Section}:AdminToken"),
        ("REGISTRY_READER_TOKEN", $"{AuthOptions.Section}:ReaderToken"),
        ("PERF_S3_URL", $"{BackingServiceOptions.Section}:S3Url"),
        ("PERF_DYNAMODB_URL", $"{BackingServiceOptions.Section}:DynamoDbUrl"),
        ("PERF_POSTGRES", $"{BackingServiceOptions.Section}:Postgres"),
        ("PERF_REDIS", $"{BackingServiceOptions.Section}:Redis"),
        ("PERF_EMULATOR", $"{BackingServiceOptions.Section}:Emulator"),
        ("AWS_REGION", $"{BackingServiceOptions.Section}:Region"),
    ];

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // performance_config.json sits right above appsettings*.json: the environment (Performance__x),
        // the command line, the short names below and test hosts all still override it.
        var sources = builder.Configuration.Sources;
        var appSettings = sources.Select((source, index) => (source, index))
            .LastOrDefault(s => s.source is FileConfigurationSource { Path: { } path } && path.StartsWith("appsettings", StringComparison.Ordinal));
        var performanceConfig = new JsonConfigurationSource { Path = "performance_config.json", Optional = true, ReloadOnChange = false };
        performanceConfig.ResolveFileProvider();
        performanceConfig.FileProvider ??= builder.Environment.ContentRootFileProvider;
        sources.Insert(appSettings.source is null ? 0 : appSettings.index + 1, performanceConfig);
        builder.Configuration.AddInMemoryCollection(Overrides
            .Where(o => System.Environment.GetEnvironmentVariable(o.Variable) is { Length: > 0 })
            .Select(o => KeyValuePair.Create(o.Key, o.Variable == "PERF_EMULATOR" ? Flag(System.Environment.GetEnvironmentVariable(o.Variable)) : System.Environment.GetEnvironmentVariable(o.Variable))));

        builder.Logging.AddSimpleConsole(console => console.IncludeScopes = true);
        var services = builder.Services;
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PerformanceOptions>().BindConfiguration(PerformanceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BackingServiceOptions>().BindConfiguration(BackingServiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackingServiceOptions>, RedisEndpointValidation>();
        services.AddOptions<ClientLimitsOptions>().BindConfiguration(ClientLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ClientLimitsOptions>>((kestrel, clientLimits) =>
        {
            var limits = clientLimits.Value;
            var grace = TimeSpan.FromSeconds(limits.DataRateGraceSeconds);
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(limits.RequestHeadersTimeoutSeconds);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinRequestBodyBytesPerSecond, grace);
            kestrel.Limits.MinResponseDataRate = new MinDataRate(limits.MinResponseBytesPerSecond, grace);
        });
        services.AddRegistryTransport();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<BackingServiceExceptionHandler>();
        services.AddMetrics();
        services.AddSingleton<RegistryMetrics>();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<KnownTokens>();
        services.AddAuthentication(BearerTokenHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Reader, policy => policy.RequireRole(Roles.Reader, Roles.Admin))
            .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin));

        services.AddBackingServiceResilience();
        services.AddSingleton<BackingServiceClients>();
        services.AddSingleton<S3ArchiveStore>();
        services.AddSingleton<PostgresArchiveStore>();
        services.AddSingleton<ArchiveStores>();
        services.AddSingleton<ArchiveCache>();
        services.AddMemoryCache();
        services.AddSingleton<DynamoDbModelCatalog>();
        services.AddSingleton<DownloadRecords>();
        builder.AddMetadataCache();
        services.AddSingleton<PerformanceRunStore>();
        services.AddSingleton<IStartupTask>(sp => sp.GetRequiredService<PerformanceRunStore>());
        services.AddSingleton<WorkloadCoordinator>();
        services.AddSingleton<PerformanceHealthComponent>();
        services.AddSingleton<IHealthComponent>(sp => sp.GetRequiredService<PerformanceHealthComponent>());
        services.AddSingleton<IHealthComponent, ArchiveCacheHealthComponent>();
        services.AddSingleton<IHealthComponent, ProcessHealthComponent>();
        // Reset order matters: stop the runs in progress before their table is dropped.
        services.AddSingleton<IResettable>(sp => sp.GetRequiredService<PerformanceHealthComponent>());
        services.AddSingleton<IResettable>(sp => sp.GetRequiredService<PerformanceRunStore>());
        services.AddSingleton<IResettable>(sp => sp.GetRequiredService<ArchiveCache>());
        services.AddSingleton<IResettable>(sp => sp.GetRequiredService<DownloadRecords>());
        services.AddSingleton<ResetGate>();
        services.AddSingleton<ResetMarker>();
        services.AddSingleton<RegistryReset>();
        services.AddSingleton<IStartupTask>(sp => sp.GetRequiredService<RegistryReset>()); // after the tables above exist
        services.AddHostedService<RegistryStartup>();
        services.AddHostedService<DevelopmentTokenWarning>();
        services.AddSingleton<HealthProber>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthProber>()); // after RegistryStartup: the clients exist
        return builder;
    }

    /// <summary>PERF_EMULATOR=1 (the scripts' spelling) binds as the boolean true, 0 as false.</summary>
    private static string? Flag(string? value) => value switch
    {
        "1" => "true",
        "0" => "false",
        _ => value,
    };

    public static WebApplication UseRegistry(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthApi();
        app.MapModelsApi();
        app.MapAdminApi();
        app.MapPerformanceApi();
        app.MapDashboard();
        return app;
    }
}
