using System.Diagnostics;

namespace PerfTesting.Measurement;

/// <summary>Samples <see cref="ProcessMetrics"/>: start, a sample a second, end.</summary>
internal sealed class ProcessSampler
{
    private readonly TimeSpan _cpuStart;
    private readonly int _gen0;
    private readonly int _gen1;
    private readonly int _gen2;
    private readonly long _allocated;
    private readonly long _workingSetStart;
    private long _peak;

    public ProcessSampler()
    {
        using var process = Process.GetCurrentProcess();
        _cpuStart = process.TotalProcessorTime;
        _gen0 = GC.CollectionCount(0);
        _gen1 = GC.CollectionCount(1);
        _gen2 = GC.CollectionCount(2);
        _allocated = GC.GetTotalAllocatedBytes();
        _workingSetStart = System.Environment.WorkingSet;
        _peak = _workingSetStart;
    }

    public void Sample() => _peak = Math.Max(_peak, System.Environment.WorkingSet);

    public ProcessMetrics Finish()
    {
        Sample();
        using var process = Process.GetCurrentProcess();
        return new ProcessMetrics(
            (process.TotalProcessorTime - _cpuStart).TotalSeconds,
            GC.CollectionCount(0) - _gen0,
            GC.CollectionCount(1) - _gen1,
            GC.CollectionCount(2) - _gen2,
            GC.GetTotalAllocatedBytes() - _allocated,
            _workingSetStart,
            _peak,
            System.Environment.WorkingSet);
    }
}
