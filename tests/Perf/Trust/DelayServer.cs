using System.Diagnostics;

namespace Tests.Perf.Trust;

/// <summary>A Kestrel endpoint on loopback that answers after a delay the test can change between runs (precise to about half a millisecond, see <see cref="DeadlineQueue"/>).</summary>
internal sealed class DelayServer() : DeadlineServer("delay-server")
{
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

    public static async Task<DelayServer> StartAsync(TimeSpan delay)
    {
        var server = new DelayServer { Delay = delay };
        await server.ListenAsync();
        return server;
    }

    /// <summary>Completes after <see cref="Delay"/>, measured with the precise clock (see <see cref="DeadlineQueue"/>).</summary>
    protected override Task AnswerWhen()
    {
        var factor = 1 + (Jitter * ((2 * Random.Shared.NextDouble()) - 1));
        return Deadlines.At(Stopwatch.GetTimestamp() + (long)(Delay.TotalSeconds * factor * Stopwatch.Frequency));
    }
}
