namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// The ECS shape: one long-lived registry process, started and primed before the load, serving every
/// request concurrently (as one task behind a load balancer does). No concurrency limit, no cold start.
/// </summary>
internal sealed class LongLivedInstance(IRegistryInstance instance) : IInstanceRouter
{
    private readonly InstanceLease _lease = new(instance, TimeSpan.Zero, Queued: false, Cold: false);
    private IReadOnlyList<InstanceUsage>? _usage;

    public int? ConcurrencyLimit => null;

    public int InstancesStarted => 1;

    public int PeakInstances => 1;

    public ValueTask<InstanceLease> AcquireAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_lease);

    public void Release(InstanceLease lease) => lease.Instance.Served();

    public async Task<IReadOnlyList<InstanceUsage>> RetireAllAsync() => _usage ??= [await instance.RetireAsync(idle: false)];

    public async ValueTask DisposeAsync() => await RetireAllAsync();
}
