using HdrHistogram;

namespace PerfTesting.Measurement;

/// <summary>The one histogram shape of the library: microseconds from 1 µs to 1 hour, 3 significant digits.</summary>
public static class LatencyHistograms
{
    /// <summary>The largest latency recorded: one hour, in microseconds. Longer ones are recorded as one hour.</summary>
    public const long MaxMicroseconds = 3_600_000_000;

    /// <summary>A new, empty histogram (single-writer).</summary>
    public static LongHistogram Create() => new(1, MaxMicroseconds, 3);

    /// <summary>A recorder that many threads write without locks while one reader takes interval histograms.</summary>
    public static Recorder CreateRecorder() =>
        HistogramFactory.With64BitBucketSize().WithValuesFrom(1).WithValuesUpTo(MaxMicroseconds).WithPrecisionOf(3)
            .WithThreadSafeWrites().WithThreadSafeReads().Create();

    /// <summary>Stopwatch ticks to whole microseconds, within the histogram's range.</summary>
    /// <param name="ticks">A duration in <see cref="TimeProvider.TimestampFrequency"/> ticks.</param>
    /// <param name="frequency">Ticks per second.</param>
    public static long ToMicroseconds(long ticks, long frequency) =>
        Math.Clamp((long)(ticks * (1_000_000.0 / frequency)), 1, MaxMicroseconds);
}
