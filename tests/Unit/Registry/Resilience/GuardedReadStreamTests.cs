using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Registry.Resilience;
using Registry.Storage;

namespace Tests.Unit.Registry.Resilience;

/// <summary>A download's source stream: each read bounded by the call timeout, failures counted by the service's breaker.</summary>
public sealed class GuardedReadStreamTests
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Reads_PassTheBytesThrough()
    {
        var (stream, _) = CreateSut(new MemoryStream([1, 2, 3]), new FakeTimeProvider());
        var buffer = new byte[8];

        var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);

        Assert.Equal(3, read);
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
    }

    [Fact]
    public async Task AReadThatStalls_EndsAfterTheTimeout_AsTheServiceUnavailable()
    {
        var time = new FakeTimeProvider();
        var (stream, _) = CreateSut(new StallingStream(), time);

        var read = stream.ReadAsync(new byte[8], TestContext.Current.CancellationToken).AsTask();
        time.Advance(ReadTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(read.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(2));

        var error = await Assert.ThrowsAsync<BackingServiceUnavailableException>(() => read.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal("s3", error.Service);
        Assert.IsType<TimeoutRejectedException>(error.InnerException);
    }

    [Fact]
    public async Task ReadsThatFail_CountTowardsTheBreaker()
    {
        var time = new FakeTimeProvider();
        var (first, service) = CreateSut(new FailingStream(), time);
        var (second, _) = CreateSut(new FailingStream(), time, service);

        await Assert.ThrowsAsync<BackingServiceUnavailableException>(() => first.ReadAsync(new byte[8], TestContext.Current.CancellationToken).AsTask());
        await Assert.ThrowsAsync<BackingServiceUnavailableException>(() => second.ReadAsync(new byte[8], TestContext.Current.CancellationToken).AsTask());

        // Two failed reads of two failed calls: the circuit is open and the next call is refused without running.
        var ran = false;
        var refused = await Assert.ThrowsAsync<BackingServiceUnavailableException>(() => service.CallAsync(_ =>
        {
            ran = true;
            return Task.FromResult(0);
        }, TestContext.Current.CancellationToken));
        Assert.False(ran);
        Assert.IsType<BrokenCircuitException>(refused.InnerException);
    }

    [Fact]
    public async Task TheCallerGoingAway_IsACancellation_NotAFailure()
    {
        var (stream, _) = CreateSut(new StallingStream(), new FakeTimeProvider());
        using var caller = new CancellationTokenSource();

        var read = stream.ReadAsync(new byte[8], caller.Token).AsTask();
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    private static (GuardedReadStream Stream, BackingService Service) CreateSut(Stream inner, FakeTimeProvider time, BackingService? service = null)
    {
        service ??= new BackingService(
            "s3",
            new ResiliencePipelineBuilder { TimeProvider = time }
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 2,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = TimeSpan.FromSeconds(5),
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && BackingFailures.IsFailure(e, args.Context.CancellationToken)),
                })
                .AddTimeout(ReadTimeout)
                .Build(),
            TimeSpan.FromSeconds(5));
        return (new GuardedReadStream(inner, service, ReadTimeout, time), service);
    }

    private sealed class StallingStream : ForwardReadStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var registration = cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
            return await never.Task;
        }
    }

    private sealed class FailingStream : ForwardReadStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("connection reset"));
    }
}
