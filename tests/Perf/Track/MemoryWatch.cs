using System.Diagnostics;
using PerfTesting.Analysis;

namespace Tests.Perf.Track;

/// <summary>Samples this process's memory once a second, or at a given interval (the registry runs in-process), until disposed.</summary>
internal sealed class MemoryWatch : IDisposable
{
    private readonly List<MemorySample> _samples = [];
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Timer _timer;

    public MemoryWatch()
        : this(TimeSpan.FromSeconds(1))
    {
    }

    /// <summary>Samples every <paramref name="interval"/>: short transfers need more than one sample a second to show their peak.</summary>
    public MemoryWatch(TimeSpan interval) => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, interval);

    public IReadOnlyList<MemorySample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var sample = new MemorySample(Stopwatch.GetElapsedTime(_started).TotalSeconds, Environment.WorkingSet, GC.GetGCMemoryInfo().HeapSizeBytes);
        lock (_samples)
        {
            _samples.Add(sample);
        }
    }
}
