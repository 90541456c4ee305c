using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PerfTesting.BackingServices;
using Registry.AppHost;
using Registry.Hosting.Transport;

namespace Tests.Shared;

/// <summary>
/// The registry on Kestrel (real sockets, a free loopback port) against real backing services, with
/// its own bucket, tables and database so that no two test classes see each other's data. Counts the
/// 5xx answers it gave, so tests can assert that no input produced one.
/// </summary>
public sealed class RegistryApp : WebApplicationFactory<Program>
{
    public const string AdminToken = "integration-admin-token-0123456789";
    public const string ReaderToken = "integration-reader-token-0123456789";

    private readonly BackingServiceEndpoints _endpoints;
    private readonly Dictionary<string, string?> _settings;
    private int _serverErrors;

    public RegistryApp(BackingServiceEndpoints endpoints, string owner, IReadOnlyDictionary<string, string?>? settings = null)
        : this(endpoints, IsolatedNames.For(owner), settings)
    {
    }

    /// <summary>An instance on given names: two apps on the same names are two instances of one registry (one bucket, tables, database).</summary>
    public RegistryApp(BackingServiceEndpoints endpoints, IsolatedNames names, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _endpoints = endpoints;
        Names = names;
        _settings = new Dictionary<string, string?>
        {
            ["Registry:Bucket"] = Names.Bucket,
            ["Registry:TablePrefix"] = Names.TablePrefix,
            ["Registry:Database"] = Names.Database,
            ["Auth:AdminToken"] = AdminToken,
            ["Auth:ReaderToken"] = ReaderToken,
        };
        // The endpoints reach the registry as configuration, the way Registry.AppHost passes them.
        foreach (var (key, value) in RegistrySettings.For(endpoints))
        {
            _settings[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public IsolatedNames Names { get; }

    public BackingServiceEndpoints Endpoints => _endpoints;

    /// <summary>Where Kestrel listens (a free loopback port).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
        }
    }

    public int ServerErrors => Volatile.Read(ref _serverErrors);

    /// <summary>Settings that choose the archive store: "S3" or "Postgres".</summary>
    public static Dictionary<string, string?> Backend(string backend) => new() { ["Performance:storage_backend"] = backend };

    public HttpClient Admin() => Client(AdminToken);

    public HttpClient Reader() => Client(ReaderToken);

    public HttpClient Anonymous() => Client(null);

    public HttpClient Client(string? token)
    {
        // A plain client over real sockets: the factory's own client follows redirects whatever its options say.
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ServerErrorCounter(() => Interlocked.Increment(ref _serverErrors)));
        });
    }

    // The transport as the registry's own process has it. This factory adds Kestrel after the registry's
    // services and after ConfigureWebHost (and its test services), and Kestrel's own memory pool factory
    // would win; a registration made here, just before the host is built, comes after it.
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureServices(services => services.AddRegistryTransport());
        return base.CreateHost(builder);
    }

    private sealed class ServerErrorCounter(Action onServerError) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate following) =>
            {
                try
                {
                    await following(context);
                }
                catch
                {
                    onServerError();
                    throw;
                }

                if (context.Response.StatusCode >= 500)
                {
                    onServerError();
                }
            });
            next(app);
        };
    }
}
