namespace PerfTesting.Load.Executors;

/// <summary>Counts open-model arrivals still running, so the run ends only after the last one.</summary>
internal sealed class Outstanding
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count = 1; // the dispatcher's own hold, released by DrainAsync

    public void Add() => Interlocked.Increment(ref _count);

    public void Done()
    {
        if (Interlocked.Decrement(ref _count) == 0)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>Releases the dispatcher's hold and waits for the arrivals still running.</summary>
    public Task DrainAsync()
    {
        Done();
        return _drained.Task;
    }
}
