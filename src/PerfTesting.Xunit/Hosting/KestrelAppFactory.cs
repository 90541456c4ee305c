using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PerfTesting.Xunit.Hosting;

/// <summary>
/// An existing app's <c>Program</c> on Kestrel at 127.0.0.1 with a free port: real sockets, as deployed, instead of
/// <see cref="WebApplicationFactory{TEntryPoint}"/>'s in-memory server (which measures no connection, no kernel
/// and none of Kestrel's limits). Settings given here override the app's configuration; logging is off so
/// request logs neither slow the load nor flood the test output. The factory starts on first use of
/// <see cref="BaseAddress"/> or <see cref="CreateLoopbackClient"/>; dispose it to stop the app.
/// </summary>
/// <typeparam name="TProgram">A type of the app's assembly, usually its <c>Program</c>.</typeparam>
public class KestrelAppFactory<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly Dictionary<string, string?> _settings;

    /// <summary>The app as configured.</summary>
    public KestrelAppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>The app with <paramref name="settings"/> added last to its configuration (connection strings, options).</summary>
    /// <param name="settings">Configuration keys and values, e.g. <c>["ConnectionStrings:Db"] = "..."</c>.</param>
    public KestrelAppFactory(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = new Dictionary<string, string?>(settings);
        // Loopback only, on a port the kernel picks: the load never leaves the machine, and tests never collide on a port.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:41234/</c>; starts the app on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

            // Kestrel reports the address it was given; clients connect on loopback, whatever name it carries.
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        }
    }

    /// <summary>
    /// A plain client over real sockets to <see cref="BaseAddress"/> (the factory's own <c>CreateClient</c> adds
    /// handlers of its own, such as following redirects); the caller disposes it.
    /// </summary>
    /// <param name="bearerToken">An <c>Authorization: Bearer</c> token for every request, or null.</param>
    /// <returns>The client.</returns>
    public HttpClient CreateLoopbackClient(string? bearerToken = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = BaseAddress,
        };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
