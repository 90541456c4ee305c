using System.Diagnostics;

namespace Tests.Perf.Trust;

/// <summary>
/// A throughput-bound endpoint on loopback: it completes at most <see cref="Capacity"/> requests per
/// second, like a service with a fixed service time on one worker. Each request reserves the next free
/// completion slot on an absolute schedule (slot = max(now, previous slot) + 1 / capacity) and answers
/// when its slot comes, so timer jitter delays single answers but never changes the rate, and an idle
/// pause banks no capacity. With enough closed clients to keep it busy, throughput equals the capacity.
/// </summary>
internal sealed class PacedServer() : DeadlineServer("paced-server")
{
    private readonly Lock _gate = new();
    private long _nextSlot;
    private long _periodTicks;

    /// <summary>Requests per second it can complete.</summary>
    public double Capacity
    {
        get => TimeSpan.TicksPerSecond / (double)Interlocked.Read(ref _periodTicks);
        set => Interlocked.Exchange(ref _periodTicks, (long)Math.Round(TimeSpan.TicksPerSecond / value));
    }

    public static async Task<PacedServer> StartAsync(double capacity)
    {
        var server = new PacedServer { Capacity = capacity };
        await server.ListenAsync();
        return server;
    }

    /// <summary>Reserves the next completion slot; the task completes when it comes (see <see cref="DeadlineQueue"/>: Task.Delay's coarse clock would bunch slots).</summary>
    protected override Task AnswerWhen()
    {
        lock (_gate)
        {
            var slot = Math.Max(Stopwatch.GetTimestamp(), _nextSlot) + (long)(Stopwatch.Frequency / Capacity);
            _nextSlot = slot;
            return Deadlines.At(slot);
        }
    }
}
