using System.Diagnostics;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>What the routing saw during one run of one shape: queueing, cold starts, time on an instance.</summary>
internal sealed class ShapeRecorder
{
    private readonly Lock _gate = new();
    private readonly long _createdAt = Stopwatch.GetTimestamp();
    private readonly List<ColdStartRecord> _coldStarts = [];
    private long _requests;
    private long _queued;
    private long _redirected;
    private long _overLimit;
    private double _queueWaitSeconds;
    private double _maxQueueWaitSeconds;
    private double _instanceSeconds;

    public void ColdStart(TimeSpan toFirstByte, TimeSpan startup)
    {
        lock (_gate)
        {
            _coldStarts.Add(new ColdStartRecord(Stopwatch.GetElapsedTime(_createdAt), toFirstByte, startup));
        }
    }

    /// <summary>A request left its instance after <paramref name="onInstance"/> (routed to body end, or to the redirect).</summary>
    public void Finished(InstanceLease lease, TimeSpan onInstance, bool redirected, bool overLimit)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            _requests++;
            _queued += lease.Queued ? 1 : 0;
            _redirected += redirected ? 1 : 0;
            _overLimit += overLimit ? 1 : 0;
            _queueWaitSeconds += lease.QueueWait.TotalSeconds;
            _maxQueueWaitSeconds = Math.Max(_maxQueueWaitSeconds, lease.QueueWait.TotalSeconds);
            _instanceSeconds += onInstance.TotalSeconds;
        }
    }

    public ShapeMeasurement Summarise(string run, string shape, IInstanceRouter router, IReadOnlyList<InstanceUsage> usage)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(usage);
        lock (_gate)
        {
            var requests = Math.Max(1, _requests);
            var coldMs = _coldStarts.Select(c => c.ToFirstByte.TotalMilliseconds).Order().ToList();
            return new ShapeMeasurement(
                run,
                shape,
                _requests,
                router.ConcurrencyLimit,
                router.InstancesStarted,
                router.PeakInstances,
                usage.Count(u => u.RetiredIdle),
                _queued,
                _queueWaitSeconds / requests * 1000,
                _maxQueueWaitSeconds * 1000,
                _redirected,
                _overLimit,
                [.. _coldStarts.Select(c => c.At.TotalSeconds)],
                coldMs,
                _coldStarts.Count == 0 ? 0 : _coldStarts.Average(c => c.Startup.TotalSeconds),
                _instanceSeconds / requests,
                usage.Count == 0 ? 0 : usage.Average(u => (double)u.PeakResidentBytes),
                usage.Count == 0 ? 0 : usage.Max(u => u.PeakResidentBytes),
                usage.Sum(u => u.ServingCpuSeconds) / requests,
                usage.Count == 0 ? 0 : usage.Average(u => u.StartupCpuSeconds));
        }
    }

    private sealed record ColdStartRecord(TimeSpan At, TimeSpan ToFirstByte, TimeSpan Startup);
}
