using System.Diagnostics;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// The Lambda shape's routing rules, on fake instances (the runs use real registry processes): one
/// request per instance, new instances only when none is idle and the limit allows, a queue beyond it,
/// the most recently used idle instance first, retirement after the keep-warm window, and a start that
/// outlives the request that asked for it.
/// </summary>
public sealed class LambdaInstancePoolTests
{
    private static readonly TimeSpan LongWindow = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Acquire_StartsOneInstancePerConcurrentRequestUpToTheLimit_ThenQueues()
    {
        var ct = TestContext.Current.CancellationToken;
        var starter = new FakeStarter();
        await using var pool = new LambdaInstancePool(2, LongWindow, starter.StartAsync);

        var first = await pool.AcquireAsync(ct);
        var second = await pool.AcquireAsync(ct);
        var third = pool.AcquireAsync(ct).AsTask();

        Assert.True(first.Cold && second.Cold);
        Assert.NotSame(first.Instance, second.Instance);
        Assert.False(third.IsCompleted, "a third request got an instance past the limit of 2");

        pool.Release(first);
        var queued = await third.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Same(first.Instance, queued.Instance);
        Assert.True(queued.Queued);
        Assert.False(queued.Cold);
        Assert.Equal(2, starter.Started);
        Assert.Equal(2, pool.PeakInstances);
    }

    [Fact]
    public async Task Acquire_TakesTheMostRecentlyUsedIdleInstance()
    {
        var ct = TestContext.Current.CancellationToken;
        var starter = new FakeStarter();
        await using var pool = new LambdaInstancePool(4, LongWindow, starter.StartAsync);
        var a = await pool.AcquireAsync(ct);
        var b = await pool.AcquireAsync(ct);

        pool.Release(a);
        pool.Release(b);
        var next = await pool.AcquireAsync(ct);

        Assert.Same(b.Instance, next.Instance);
        Assert.False(next.Cold);
        Assert.False(next.Queued);
        Assert.Equal(2, starter.Started);
    }

    [Fact]
    public async Task IdleInstances_AreRetiredAfterTheKeepWarmWindow_AndCountedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var starter = new FakeStarter();
        await using var pool = new LambdaInstancePool(2, TimeSpan.FromMilliseconds(50), starter.StartAsync);
        var lease = await pool.AcquireAsync(ct);

        pool.Release(lease);
        var instance = (FakeInstance)lease.Instance;
        await instance.Retired.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        var next = await pool.AcquireAsync(ct);
        pool.Release(next);
        var usage = await pool.RetireAllAsync();

        Assert.True(next.Cold, "a retired instance was handed out again");
        Assert.Equal(2, starter.Started);
        Assert.Equal(2, usage.Count);
        Assert.Single(usage, u => u.RetiredIdle);
        Assert.All(usage, u => Assert.Equal(1, u.Requests));
    }

    [Fact]
    public async Task AStartOutlivesTheRequestThatGaveUp_AndServesTheNextOneWarm()
    {
        var ct = TestContext.Current.CancellationToken;
        var gate = new TaskCompletionSource();
        var starter = new FakeStarter(gate.Task);
        await using var pool = new LambdaInstancePool(1, LongWindow, starter.StartAsync);
        using var impatient = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var abandoned = pool.AcquireAsync(impatient.Token).AsTask();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        gate.SetResult();
        var next = await pool.AcquireAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.False(next.Cold);
        Assert.Equal(1, starter.Started);
    }

    [Fact]
    public async Task AnIdleInstanceThatCrashed_IsReplacedByAColdStart_AndRecordedAsCrashed()
    {
        var ct = TestContext.Current.CancellationToken;
        var starter = new FakeStarter();
        await using var pool = new LambdaInstancePool(2, LongWindow, starter.StartAsync);
        var first = await pool.AcquireAsync(ct);
        pool.Release(first);

        ((FakeInstance)first.Instance).Crash();
        var next = await pool.AcquireAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
        pool.Release(next);
        var usage = await pool.RetireAllAsync();

        Assert.NotSame(first.Instance, next.Instance);
        Assert.True(next.Cold, "the request after a crash was not given a new instance");
        Assert.Equal(2, starter.Started);
        Assert.Single(usage, u => u.Crashed);
        Assert.Equal(2, usage.Count);
    }

    [Fact]
    public async Task AnInstanceThatCrashedUnderItsRequest_IsNotHandedOutAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var starter = new FakeStarter();
        await using var pool = new LambdaInstancePool(1, LongWindow, starter.StartAsync);
        var lease = await pool.AcquireAsync(ct);

        ((FakeInstance)lease.Instance).Crash();
        pool.Release(lease);
        var next = await pool.AcquireAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
        pool.Release(next);
        var usage = await pool.RetireAllAsync();

        Assert.True(next.Cold);
        Assert.NotSame(lease.Instance, next.Instance);
        Assert.Equal(1, pool.PeakInstances);
        var crashed = Assert.Single(usage, u => u.Crashed);
        Assert.Equal(1, crashed.Requests);
    }

    private sealed class FakeStarter(Task? ready = null)
    {
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public async Task<IRegistryInstance> StartAsync(CancellationToken ct)
        {
            var startedAt = Stopwatch.GetTimestamp();
            await (ready ?? Task.CompletedTask).WaitAsync(ct);
            Interlocked.Increment(ref _started);
            return new FakeInstance(startedAt);
        }
    }

    private sealed class FakeInstance(long startedAt) : IRegistryInstance
    {
        private int _requests;
        private volatile bool _exited;

        public TaskCompletionSource Retired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Uri BaseAddress { get; } = new("http://127.0.0.1:9/");

        public long StartedAt => startedAt;

        public TimeSpan Startup => TimeSpan.Zero;

        public bool HasExited => _exited;

        public void Crash() => _exited = true;

        public void Served() => Interlocked.Increment(ref _requests);

        public Task<InstanceUsage> RetireAsync(bool idle)
        {
            Retired.TrySetResult();
            return Task.FromResult(_exited
                ? new InstanceUsage(null, 0, null, 0, Volatile.Read(ref _requests), idle, Crashed: true)
                : new InstanceUsage(0, 0, 0, 0, Volatile.Read(ref _requests), idle));
        }
    }
}
