using System.Runtime.CompilerServices;
using Polly.Timeout;
using Registry.Storage;

namespace Registry.Resilience;

/// <summary>
/// A download's source stream whose every read is bounded by the service's call timeout: a store that
/// freezes half-way through an archive ends the download within the bound instead of holding the
/// connection. A failed read goes to the service's circuit breaker as a failed call, and becomes
/// <see cref="BackingServiceUnavailableException"/> like any other.
/// </summary>
/// <remarks>
/// The bound is one timer per download, re-armed around each read, and the reads themselves do not go
/// through the Polly pipeline. Running every read through it (as this type first did) cost 40% of the
/// bytes the registry allocated on the S3 path and about a tenth of its CPU, most of it in per-read
/// async state machines and in the breaker's lock taken by a hundred concurrent downloads (EventPipe
/// allocation and CPU samples under bench/registry-vs-direct.sh). The download's opening call still
/// goes through the pipeline, so each download counts once towards the breaker's throughput, and
/// each read that fails counts as a failure.
/// </remarks>
internal sealed class GuardedReadStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly BackingService _service;
    private readonly TimeSpan _readTimeout;
    private readonly CancellationTokenSource _expired = new();
    private readonly ITimer _deadline;
    private CancellationTokenSource? _linked;
    private CancellationToken _linkedTo;
    private int _released;

    public GuardedReadStream(Stream inner, BackingService service, TimeSpan readTimeout, TimeProvider time)
    {
        _inner = inner;
        _service = service;
        _readTimeout = readTimeout;
        _deadline = time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), _expired, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    // Pooled state machines: a read that waits for the network would otherwise allocate one per read.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var token = Bounded(cancellationToken);
        _deadline.Change(_readTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            return await _inner.ReadAsync(buffer, token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not BackingServiceUnavailableException)
        {
            // Through the pipeline, so the breaker counts it and it is classified like a failed call.
            Exception failure = _expired.IsCancellationRequested
                ? new TimeoutRejectedException($"A read from {_service.Name} took longer than {_readTimeout.TotalSeconds:0.###} s.", _readTimeout, e)
                : e;
            return await _service.CallAsync<int>(_ => Task.FromException<int>(failure), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _deadline.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Release();
        await _inner.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // The caller's token joined with the read deadline; one linked source per caller token (a download
    // passes the same one to every read), so a read allocates nothing.
    private CancellationToken Bounded(CancellationToken caller)
    {
        if (!caller.CanBeCanceled)
        {
            return _expired.Token;
        }

        if (_linked is null || _linkedTo != caller)
        {
            _linked?.Dispose();
            _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _expired.Token);
            _linkedTo = caller;
        }

        return _linked.Token;
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        _deadline.Dispose();
        _linked?.Dispose();
        _expired.Dispose();
    }
}
