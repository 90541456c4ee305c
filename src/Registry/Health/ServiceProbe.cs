using Polly.CircuitBreaker;
using Polly.Timeout;
using Registry.Resilience;

namespace Registry.Health;

/// <summary>
/// The health probe of one backing service. The probed call goes through the service's circuit breaker
/// with the same call timeout as a user's call, so the breaker counts it exactly as it would count a
/// user's call; the probe's own, shorter timeout only decides what /health/components says.
/// </summary>
/// <remarks>
/// The probe used to pass its 2 s timeout into the pipeline: on a busy machine a service answering in
/// 2 to 5 s (within every user call's bound) failed each probe, the breaker counted those failures
/// against a fresh instance's few user calls, opened, and a user got a 503 from a working service
/// (SharedCacheTests saw one; HealthProbeTests replays it on a fake clock). Now a call still running
/// when the probe gives up goes on to its own bound, its real outcome is what the breaker sees, and the
/// next round does not start a second call beside it: it reports the one in flight as a timeout.
/// </remarks>
internal sealed class ServiceProbe(Func<CancellationToken, Task> guardedCall, TimeSpan probeTimeout, TimeProvider time)
{
    private Task? _inFlight;
    private long _inFlightSince;

    /// <summary>Probes once; answers within the probe timeout whatever the service does.</summary>
    public async Task<ComponentProbe> RunAsync(CancellationToken cancellationToken)
    {
        if (_inFlight is { IsCompleted: false })
        {
            return new ComponentProbe("down", Elapsed(_inFlightSince), "timeout", time.GetUtcNow());
        }

        var started = time.GetTimestamp();
        var call = guardedCall(cancellationToken);
        try
        {
            await call.WaitAsync(probeTimeout, time, cancellationToken).ConfigureAwait(false);
            return new ComponentProbe("ok", Elapsed(started), null, time.GetUtcNow());
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            // Left to finish within its call timeout; its failure, if any, is the breaker's to count.
            _inFlight = call;
            _inFlightSince = started;
            _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return new ComponentProbe("down", Elapsed(started), "timeout", time.GetUtcNow());
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new ComponentProbe("down", Elapsed(started), ErrorKind(e), time.GetUtcNow());
        }
    }

    private double Elapsed(long started) => Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 3);

    // A kind, not a message: exception text carries hosts and ports.
    internal static string ErrorKind(Exception e) => (e is BackingServiceUnavailableException { InnerException: { } inner } ? inner : e) switch
    {
        BrokenCircuitException => "circuit-open",
        TimeoutRejectedException or TimeoutException or OperationCanceledException => "timeout",
        HttpRequestException or System.Net.Sockets.SocketException or IOException or Amazon.Runtime.AmazonClientException => "unreachable",
        _ => "error",
    };
}
