using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PerfTesting.Xunit.Hosting;

namespace Tests.Perf.Trust;

/// <summary>A Kestrel endpoint on loopback that answers after a delay the test can change between runs (precise to about half a millisecond, see <see cref="DeadlineQueue"/>).</summary>
internal sealed class DelayServer : IAsyncDisposable
{
    private LoopbackHost _host = null!;
    private readonly DeadlineQueue _deadlines = new("delay-server");
    private long _delayTicks;

    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    /// <summary>
    /// Spread of each request's delay: uniform in Delay * (1 +- Jitter). Without it, closed clients of a
    /// fixed-delay endpoint move in lockstep, and two such endpoints with slightly different delays
    /// drift in and out of phase with each other, which adds noise no real service has.
    /// </summary>
    public double Jitter { get; set; }

    public Uri Url { get; private set; } = null!;

    public static async Task<DelayServer> StartAsync(TimeSpan delay)
    {
        var server = new DelayServer { Delay = delay };
        server._host = await LoopbackHost.StartAsync(app => app.MapGet("/work", async (CancellationToken ct) =>
        {
            await server.WaitAsync().WaitAsync(ct);
            return Results.Text("done");
        }));
        server.Url = server._host.Url("/work");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _deadlines.Dispose();
    }

    /// <summary>Completes after <see cref="Delay"/>, measured with the precise clock (see <see cref="DeadlineQueue"/>).</summary>
    private Task WaitAsync()
    {
        var factor = 1 + (Jitter * ((2 * Random.Shared.NextDouble()) - 1));
        return _deadlines.At(Stopwatch.GetTimestamp() + (long)(Delay.TotalSeconds * factor * Stopwatch.Frequency));
    }
}
