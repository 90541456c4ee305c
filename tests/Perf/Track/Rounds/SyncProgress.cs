namespace Tests.Perf.Track.Rounds;

/// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool, so lines could arrive late or out of order).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
