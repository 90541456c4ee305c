using System.Diagnostics;

namespace Tests.Perf.Trust;

/// <summary>
/// Completes tasks at their deadlines (in any order), on one dedicated thread that sleeps with the precise monotonic clock. Task.Delay is no use for a 1 ms
/// difference here: .NET's timer queue reads Environment.TickCount64, which on Linux is the coarse
/// clock (a 4 ms tick on this machine: Task.Delay of 20, 21, 22 and 23 ms all took 24-25 ms at p50),
/// so 20 ms against 21 ms would often be the same latency. Releasing up to half a millisecond early
/// or late (the sleep granularity) is unbiased on average and the same for both sides.
/// </summary>
internal sealed class DeadlineQueue : IDisposable
{
    private readonly PriorityQueue<TaskCompletionSource, long> _queue = new();
    private readonly object _gate = new();
    private readonly Thread _thread;
    private bool _stopped;

    public DeadlineQueue(string name)
    {
        _thread = new Thread(Release) { IsBackground = true, Name = name, Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>A task that completes at <paramref name="deadline"/> (a Stopwatch timestamp).</summary>
    public Task At(long deadline)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var earliest = !_queue.TryPeek(out _, out var head) || deadline < head;
            _queue.Enqueue(done, deadline);
            if (earliest)
            {
                // The release thread may be sleeping towards a later deadline: wake it to re-plan.
                Monitor.Pulse(_gate);
            }
        }

        return done.Task;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.Pulse(_gate);
        }

        _thread.Join();
        while (_queue.TryDequeue(out var done, out _))
        {
            done.TrySetCanceled();
        }
    }

    private void Release()
    {
        var halfMs = Stopwatch.Frequency / 2000;
        while (true)
        {
            TaskCompletionSource? due = null;
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }

                if (_queue.Count == 0)
                {
                    Monitor.Wait(_gate);
                    continue;
                }

                _queue.TryPeek(out _, out var deadline);
                var remaining = deadline - Stopwatch.GetTimestamp();
                if (remaining > halfMs)
                {
                    // Whole milliseconds, rounded: the release lands within half a millisecond of the deadline.
                    Monitor.Wait(_gate, (int)Math.Max(1, Math.Round(remaining * 1000.0 / Stopwatch.Frequency)));
                    continue;
                }

                due = _queue.Dequeue();
            }

            due.TrySetResult();
        }
    }
}
