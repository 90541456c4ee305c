using System.Diagnostics;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// The Lambda shape's instance manager: one request per instance at a time; a request takes the most
/// recently used idle instance (warm) or, when none is idle, starts a new one (cold: the request waits
/// for the process to start); instances idle longer than the keep-warm window are stopped; at most
/// <see cref="ConcurrencyLimit"/> instances exist, and requests beyond it wait in a queue for a free one.
/// Lambda answers a synchronous request over its concurrency limit with a 429 throttle that the caller
/// retries; waiting here is that retry without its back-off, so the queue wait is reported on its own.
/// An instance whose process ends on its own is dropped, as Lambda drops a crashed environment: a request
/// in flight on it fails, it is never handed out again, and the next request starts a new one (a cold
/// start); its usage is recorded as crashed.
/// </summary>
internal sealed class LambdaInstancePool : IInstanceRouter
{
    private static readonly TimeSpan ReapInterval = TimeSpan.FromMilliseconds(200);

    private readonly Func<CancellationToken, Task<IRegistryInstance>> _start;
    private readonly TimeSpan _idleWindow;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _gate = new();
    private readonly List<(IRegistryInstance Instance, long IdleSince)> _idle = []; // least recently used first
    private readonly List<IRegistryInstance> _alive = [];
    private readonly List<Task<InstanceUsage>> _retired = [];
    private readonly List<Task<IRegistryInstance>> _starting = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reaper;
    private int _started;
    private int _peak;
    private IReadOnlyList<InstanceUsage>? _usage;

    public LambdaInstancePool(int concurrencyLimit, TimeSpan idleWindow, Func<CancellationToken, Task<IRegistryInstance>> start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrencyLimit, 1);
        ConcurrencyLimit = concurrencyLimit;
        _idleWindow = idleWindow;
        _start = start;
        _slots = new SemaphoreSlim(concurrencyLimit, concurrencyLimit);
        _reaper = ReapAsync();
    }

    public int? ConcurrencyLimit { get; }

    public int InstancesStarted => Volatile.Read(ref _started);

    public int PeakInstances => Volatile.Read(ref _peak);

    public async ValueTask<InstanceLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var arrived = Stopwatch.GetTimestamp();
        var queued = !_slots.Wait(0, CancellationToken.None);
        if (queued)
        {
            await _slots.WaitAsync(cancellationToken);
        }

        var wait = Stopwatch.GetElapsedTime(arrived);
        lock (_gate)
        {
            while (_idle.Count > 0)
            {
                var warm = _idle[^1].Instance;
                _idle.RemoveAt(_idle.Count - 1);
                if (!warm.HasExited)
                {
                    return new InstanceLease(warm, wait, queued, Cold: false);
                }

                // Crashed while idle: Lambda would give this request a new environment, so does the pool.
                DropCrashed(warm);
            }
        }

        // A slot is held and no instance is idle, so fewer than the limit exist: start one. It starts on
        // the pool's lifetime, not the request's: a request that gives up (its 29 s timeout) leaves the
        // instance starting, and it joins the idle ones when ready, as a Lambda environment finishes INIT.
        var starting = StartAsync();
        lock (_gate)
        {
            _starting.Add(starting);
        }

        try
        {
            return new InstanceLease(await starting.WaitAsync(cancellationToken), wait, queued, Cold: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _ = starting.ContinueWith(
                task =>
                {
                    if (task.IsCompletedSuccessfully)
                    {
                        MakeIdle(task.Result);
                    }

                    _slots.Release();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            throw;
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Release(InstanceLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lease.Instance.Served();
        if (lease.Instance.HasExited)
        {
            // Crashed under its request (which failed): not handed out again; its slot frees a new start.
            lock (_gate)
            {
                DropCrashed(lease.Instance);
            }
        }
        else
        {
            MakeIdle(lease.Instance);
        }

        _slots.Release();
    }

    public async Task<IReadOnlyList<InstanceUsage>> RetireAllAsync()
    {
        if (_usage is not null)
        {
            return _usage;
        }

        await _stop.CancelAsync();
        await _reaper;
        Task<IRegistryInstance>[] starting;
        lock (_gate)
        {
            starting = [.. _starting];
        }

        // Starts still under way are cancelled by _stop (the process is then stopped by RegistryProcess);
        // one that finished is in _alive. Either way none is left running once these are done.
        await Task.WhenAll(starting).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        List<IRegistryInstance> remaining;
        lock (_gate)
        {
            remaining = [.. _alive];
            _alive.Clear();
            _idle.Clear();
        }

        var usage = new List<InstanceUsage>(await Task.WhenAll(_retired));
        foreach (var instance in remaining)
        {
            usage.Add(await instance.RetireAsync(idle: false));
        }

        return _usage = usage;
    }

    public async ValueTask DisposeAsync()
    {
        await RetireAllAsync();
        _stop.Dispose();
        // _slots is not disposed: a request that gave up during a start releases its slot when the start ends.
    }

    private async Task<IRegistryInstance> StartAsync()
    {
        var instance = await _start(_stop.Token);
        lock (_gate)
        {
            _alive.Add(instance);
            _started++;
            _peak = Math.Max(_peak, _alive.Count);
        }

        return instance;
    }

    // Called under _gate with an instance that is no longer idle or leased.
    private void DropCrashed(IRegistryInstance instance)
    {
        _alive.Remove(instance);
        _retired.Add(instance.RetireAsync(idle: false));
    }

    private void MakeIdle(IRegistryInstance instance)
    {
        lock (_gate)
        {
            _idle.Add((instance, Stopwatch.GetTimestamp()));
        }
    }

    // Stops instances idle past the window and drops crashed ones, until the pool is retired (the loop ends with it).
    private async Task ReapAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ReapInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_gate)
            {
                // Idle instances that crashed go now, so the count of live ones is right without a request.
                foreach (var (crashed, _) in _idle.Where(i => i.Instance.HasExited).ToList())
                {
                    _idle.RemoveAll(i => ReferenceEquals(i.Instance, crashed));
                    DropCrashed(crashed);
                }

                while (_idle.Count > 0 && Stopwatch.GetElapsedTime(_idle[0].IdleSince) > _idleWindow)
                {
                    var expired = _idle[0].Instance;
                    _idle.RemoveAt(0);
                    _alive.Remove(expired);
                    _retired.Add(expired.RetireAsync(idle: true));
                }
            }
        }
    }
}
