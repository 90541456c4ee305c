namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>Measured, per shape and run: the routing's and the instances' side (latency and throughput are the run's own).</summary>
/// <param name="Run">The run's name in results.json.</param>
/// <param name="Shape">"Lambda" or "ECS".</param>
/// <param name="Requests">Requests that reached an instance.</param>
/// <param name="ConcurrencyLimit">Instances allowed at once (null: no limit).</param>
/// <param name="InstancesStarted">Instances started during the run.</param>
/// <param name="PeakInstances">Most instances alive at once.</param>
/// <param name="RetiredIdle">Instances stopped after the keep-warm window.</param>
/// <param name="Crashed">Instances whose process ended on their own during the run (their /proc figures are absent from the means below).</param>
/// <param name="Queued">Requests that found the concurrency limit reached.</param>
/// <param name="MeanQueueWaitMs">Mean wait for an instance, over all requests.</param>
/// <param name="MaxQueueWaitMs">Longest wait for an instance.</param>
/// <param name="Redirected">Requests answered with the presigned-URL redirect.</param>
/// <param name="OverLimit">Responses cut at the response-size limit.</param>
/// <param name="ColdStartAtSeconds">When each cold start's request arrived, seconds after the run was set up.</param>
/// <param name="ColdStartMs">Each cold start, process start to the first byte of its request's response, ascending.</param>
/// <param name="MeanStartupSeconds">Mean process start to healthy, over cold starts.</param>
/// <param name="MeanInstanceSeconds">Mean time a request held its instance.</param>
/// <param name="MeanPeakResidentBytes">Mean over instances of VmHWM; null when no instance could be read (all crashed).</param>
/// <param name="MaxPeakResidentBytes">Largest VmHWM of an instance; null when no instance could be read.</param>
/// <param name="CpuSecondsPerRequest">Instances' CPU while serving (utime + stime after ready), per request they served, over the instances that could be read; null when none could.</param>
/// <param name="MeanStartupCpuSeconds">Mean CPU an instance used to start (and, for the long-lived one, to be primed); null when none could be read.</param>
internal sealed record ShapeMeasurement(
    string Run,
    string Shape,
    long Requests,
    int? ConcurrencyLimit,
    int InstancesStarted,
    int PeakInstances,
    int RetiredIdle,
    int Crashed,
    long Queued,
    double MeanQueueWaitMs,
    double MaxQueueWaitMs,
    long Redirected,
    long OverLimit,
    IReadOnlyList<double> ColdStartAtSeconds,
    IReadOnlyList<double> ColdStartMs,
    double MeanStartupSeconds,
    double MeanInstanceSeconds,
    double? MeanPeakResidentBytes,
    long? MaxPeakResidentBytes,
    double? CpuSecondsPerRequest,
    double? MeanStartupCpuSeconds);
