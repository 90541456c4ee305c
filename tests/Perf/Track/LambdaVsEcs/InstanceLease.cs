namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>The instance a request was routed to, and what getting it cost.</summary>
/// <param name="Instance">The instance that serves the request.</param>
/// <param name="QueueWait">Time spent waiting for a free slot under the concurrency limit.</param>
/// <param name="Queued">The limit was reached when the request arrived.</param>
/// <param name="Cold">The instance was started for this request: the request pays the cold start.</param>
internal sealed record InstanceLease(IRegistryInstance Instance, TimeSpan QueueWait, bool Queued, bool Cold);
