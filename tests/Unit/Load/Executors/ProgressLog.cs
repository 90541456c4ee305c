using PerfTesting.Load;

namespace Tests.Unit.Load.Executors;

/// <summary>Keeps a run's progress reports and lets a test wait for the report of a measured second.</summary>
internal sealed class ProgressLog : IRunObserver
{
    private readonly Lock _lock = new();
    private readonly List<RunProgress> _seen = [];
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<RunProgress> Seen
    {
        get
        {
            lock (_lock)
            {
                return [.. _seen];
            }
        }
    }

    public void OnProgress(RunProgress progress)
    {
        TaskCompletionSource reported;
        lock (_lock)
        {
            _seen.Add(progress);
            reported = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        reported.TrySetResult();
    }

    /// <summary>Waits until the ticker has reported the first <paramref name="seconds"/> whole seconds of the window.</summary>
    public async Task WaitForMeasuredSecondsAsync(int seconds, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_lock)
            {
                if (seconds <= 0 || _seen.Any(p => !p.WarmingUp && !p.Final && p.Elapsed >= TimeSpan.FromSeconds(seconds)))
                {
                    return;
                }

                next = _next.Task;
            }

            await next.WaitAsync(cancellationToken);
        }
    }
}
