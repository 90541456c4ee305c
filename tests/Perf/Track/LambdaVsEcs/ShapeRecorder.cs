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
            // Memory and CPU over the instances that could be read: a crashed one has no /proc figures left.
            var peaks = usage.Where(u => u.PeakResidentBytes is not null).Select(u => u.PeakResidentBytes!.Value).ToList();
            var serving = usage.Where(u => u.ServingCpuSeconds is not null).ToList();
            var servedByRead = serving.Sum(u => u.Requests);
            var startupCpu = usage.Where(u => u.StartupCpuSeconds is not null).Select(u => u.StartupCpuSeconds!.Value).ToList();
            var coldMs = _coldStarts.Select(c => c.ToFirstByte.TotalMilliseconds).Order().ToList();
            return new ShapeMeasurement(
                run,
                shape,
                _requests,
                router.ConcurrencyLimit,
                router.InstancesStarted,
                router.PeakInstances,
                usage.Count(u => u.RetiredIdle),
                usage.Count(u => u.Crashed),
                _queued,
                _queueWaitSeconds / requests * 1000,
                _maxQueueWaitSeconds * 1000,
                _redirected,
                _overLimit,
                [.. _coldStarts.Select(c => c.At.TotalSeconds)],
                coldMs,
                _coldStarts.Count == 0 ? 0 : _coldStarts.Average(c => c.Startup.TotalSeconds),
                _instanceSeconds / requests,
                peaks.Count == 0 ? null : peaks.Average(b => (double)b),
                peaks.Count == 0 ? null : peaks.Max(),
                serving.Count == 0 ? null : serving.Sum(u => u.ServingCpuSeconds!.Value) / Math.Max(1, servedByRead),
                startupCpu.Count == 0 ? null : startupCpu.Average());
        }
    }

    private sealed record ColdStartRecord(TimeSpan At, TimeSpan ToFirstByte, TimeSpan Startup);
}
