using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tests.Shared;

/// <summary>
/// A Kestrel target on 127.0.0.1 that answers GET / at once, except during a stall window in which it
/// holds every request until the window ends: the coordinated-omission case. Shared by the
/// distributed-run tests and bench/DistributedBench (which never stalls it).
/// </summary>
internal sealed class StallableTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private (DateTimeOffset From, DateTimeOffset Until)? _stall;

    private StallableTarget(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<StallableTarget> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var target = new StallableTarget(app);
        app.MapGet("/", target.AnswerAsync);
        await app.StartAsync(cancellationToken);
        target.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
        return target;
    }

    /// <summary>Every request that arrives in [from, from + length) is answered at from + length.</summary>
    public void StallAt(DateTimeOffset from, TimeSpan length) => _stall = (from, from + length);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (_stall is { } stall && now >= stall.From && now < stall.Until)
        {
            await Task.Delay(stall.Until - now, cancellationToken);
        }

        return Results.Text("ok");
    }
}
