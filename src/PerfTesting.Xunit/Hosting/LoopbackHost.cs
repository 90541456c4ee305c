using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace PerfTesting.Xunit.Hosting;

/// <summary>
/// An ASP.NET Core app on Kestrel at 127.0.0.1 with a free port, for a test that wants real sockets
/// (connection set-up, the kernel's loopback, Kestrel's own limits) rather than an in-memory server.
/// Logging is off so request logs do not slow the load or flood the test output. To load-test an
/// existing app with its own Program, use <see cref="KestrelAppFactory{TProgram}"/> instead.
/// </summary>
/// <example>
/// <code>
/// await using var server = await LoopbackHost.StartAsync(app => app.MapGet("/", () => "hello"));
/// using var http = new HttpClient();
/// var response = await http.GetStringAsync(server.Url("/"));
/// </code>
/// </example>
public sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's services, e.g. to read a singleton the endpoints update.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts an app whose endpoints and middleware <paramref name="configure"/> adds.</summary>
    /// <param name="configure">Maps endpoints (<c>app.MapGet(...)</c>) and adds middleware.</param>
    /// <returns>The running app; dispose it to stop it.</returns>
    public static Task<LoopbackHost> StartAsync(Action<WebApplication> configure) =>
        StartAsync(static _ => { }, configure);

    /// <summary>Starts an app after <paramref name="configureBuilder"/> registers services or settings.</summary>
    /// <param name="configureBuilder">Adds services and configuration (<c>builder.Services.AddSingleton(...)</c>).</param>
    /// <param name="configure">Maps endpoints and adds middleware.</param>
    /// <returns>The running app; dispose it to stop it. Starting honours the test's cancellation token.</returns>
    public static async Task<LoopbackHost> StartAsync(Action<WebApplicationBuilder> configureBuilder, Action<WebApplication> configure)
    {
        ArgumentNullException.ThrowIfNull(configureBuilder);
        ArgumentNullException.ThrowIfNull(configure);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        configureBuilder(builder);
        var app = builder.Build();
        configure(app);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackHost(app, new Uri(address + "/"));
    }

    /// <summary>An absolute URL on this app.</summary>
    /// <param name="path">A path such as <c>/orders/42</c>.</param>
    /// <returns>The path resolved against <see cref="BaseAddress"/>.</returns>
    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Stops the app (in-flight requests are given up to the host's shutdown timeout) and frees the port.</summary>
    /// <returns>A task that completes when the app has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
