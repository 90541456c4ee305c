namespace PerfTesting.Load.Window;

/// <summary>Waits and conversions on a run's <see cref="TimeProvider"/> timestamps (a fake clock in unit tests).</summary>
internal static class Clock
{
    /// <summary>The timestamp ticks of <paramref name="duration"/>.</summary>
    public static long Ticks(TimeProvider time, TimeSpan duration) => (long)(duration.TotalSeconds * time.TimestampFrequency);

    /// <summary>The duration of <paramref name="ticks"/> timestamp ticks.</summary>
    public static TimeSpan Duration(TimeProvider time, long ticks) => TimeSpan.FromSeconds((double)ticks / time.TimestampFrequency);

    /// <summary>Waits until the clock reads <paramref name="timestamp"/>; returns at once when it already has.</summary>
    public static Task WaitUntilAsync(TimeProvider time, long timestamp, CancellationToken cancellationToken)
    {
        var wait = timestamp - time.GetTimestamp();
        return wait > 0 ? Task.Delay(Duration(time, wait), time, cancellationToken) : Task.CompletedTask;
    }
}
