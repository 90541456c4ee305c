namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>What the ECS service on Fargate uses, from the measured long-lived instance (inputs of <see cref="CostModel"/>).</summary>
/// <param name="TaskVcpu">vCPUs of one task.</param>
/// <param name="TaskMemoryGb">Memory of one task, at least the measured peak RSS (<see cref="CostModel.FargateTaskFor"/>).</param>
/// <param name="CpuSeconds">Mean measured CPU seconds per request of the long-lived process, start-up and priming excluded.</param>
/// <param name="TargetUtilisation">The CPU share a task is scaled to run at (auto-scaling's target), 0 to 1.</param>
/// <param name="MinimumTasks">Tasks that run whatever the traffic.</param>
internal sealed record FargateUsage(double TaskVcpu, double TaskMemoryGb, double CpuSeconds, double TargetUtilisation, int MinimumTasks);
