namespace PerfTesting.Measurement;

/// <summary>
/// This process's resource use over the measured window. When the service runs in-process (as the
/// registry does under WebApplicationFactory), it includes the service and the load generator both.
/// </summary>
/// <param name="CpuSeconds">CPU time consumed (user + kernel, all threads).</param>
/// <param name="Gen0Collections">Generation 0 garbage collections.</param>
/// <param name="Gen1Collections">Generation 1 collections.</param>
/// <param name="Gen2Collections">Generation 2 (full) collections.</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap.</param>
/// <param name="WorkingSetStartBytes">Working set at the start.</param>
/// <param name="WorkingSetPeakBytes">Highest working set sampled (once a second).</param>
/// <param name="WorkingSetEndBytes">Working set at the end.</param>
public sealed record ProcessMetrics(
    double CpuSeconds,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    long AllocatedBytes,
    long WorkingSetStartBytes,
    long WorkingSetPeakBytes,
    long WorkingSetEndBytes);

