using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PerfTesting.Xunit.Hosting;

namespace Tests.Perf.Trust;

/// <summary>
/// A throughput-bound endpoint on loopback: it completes at most <see cref="Capacity"/> requests per
/// second, like a service with a fixed service time on one worker. Each request reserves the next free
/// completion slot on an absolute schedule (slot = max(now, previous slot) + 1 / capacity) and answers
/// when its slot comes, so timer jitter delays single answers but never changes the rate, and an idle
/// pause banks no capacity. With enough closed clients to keep it busy, throughput equals the capacity.
/// </summary>
internal sealed class PacedServer : IAsyncDisposable
{
    private LoopbackHost _host = null!;
    private readonly Lock _gate = new();
    private readonly DeadlineQueue _deadlines = new("paced-server");
    private long _nextSlot;
    private long _periodTicks;


    /// <summary>Requests per second it can complete.</summary>
    public double Capacity
    {
        get => TimeSpan.TicksPerSecond / (double)Interlocked.Read(ref _periodTicks);
        set => Interlocked.Exchange(ref _periodTicks, (long)Math.Round(TimeSpan.TicksPerSecond / value));
    }

    public Uri Url { get; private set; } = null!;

    public static async Task<PacedServer> StartAsync(double capacity)
    {
        var server = new PacedServer { Capacity = capacity };
        server._host = await LoopbackHost.StartAsync(app => app.MapGet("/work", async (CancellationToken ct) =>
        {
            await server.ReserveSlot().WaitAsync(ct);
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

    /// <summary>Reserves the next completion slot; the task completes when it comes (see <see cref="DeadlineQueue"/>: Task.Delay's coarse clock would bunch slots).</summary>
    private Task ReserveSlot()
    {
        lock (_gate)
        {
            var slot = Math.Max(Stopwatch.GetTimestamp(), _nextSlot) + (long)(Stopwatch.Frequency / Capacity);
            _nextSlot = slot;
            return _deadlines.At(slot);
        }
    }
}
