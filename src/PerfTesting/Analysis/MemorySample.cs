namespace PerfTesting.Analysis;

/// <summary>A process's memory at one moment of a run.</summary>
/// <param name="Seconds">Seconds since the run started.</param>
/// <param name="WorkingSetBytes">Working set (resident memory).</param>
/// <param name="ManagedHeapBytes">Managed heap size after the last collection.</param>
public sealed record MemorySample(double Seconds, long WorkingSetBytes, long ManagedHeapBytes);
