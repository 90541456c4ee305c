namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>What one Lambda request uses, from the measured runs (inputs of <see cref="CostModel"/>).</summary>
/// <param name="MemoryMb">The function's configured memory: the largest instance's measured peak RSS, rounded up (<see cref="CostModel.LambdaMemoryMbFor"/>).</param>
/// <param name="InvokeSeconds">Mean measured time an instance spent on one request (routed to body complete, queueing excluded).</param>
/// <param name="CpuSeconds">Mean measured CPU seconds an instance spent per request, start-up excluded.</param>
/// <param name="InitSeconds">Mean measured start-up (process start to healthy), billed as INIT duration on a cold start.</param>
/// <param name="ColdStartFraction">Share of requests that pay a cold start in steady traffic (an assumption, not a measurement: see the report).</param>
internal sealed record LambdaUsage(double MemoryMb, double InvokeSeconds, double CpuSeconds, double InitSeconds, double ColdStartFraction);
