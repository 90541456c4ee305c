using PerfTesting.Load;

namespace Registry.Performance;

/// <summary>A run in progress: its plan, and what the engine reported each second so far.</summary>
internal sealed class WorkloadRun(string runId, WorkloadPlan plan, DateTimeOffset startedAt, CancellationTokenSource stop) : IRunObserver
{
    private readonly List<RunSecond> _series = [];
    private RunProgress _latest;

    public string RunId => runId;

    public WorkloadPlan Plan => plan;

    public DateTimeOffset StartedAt => startedAt;

    public DateTimeOffset EstimatedCompletion => startedAt + plan.Duration;

    public CancellationTokenSource Stop => stop;

    /// <summary>Set by reset: the run is stopped and nothing of it is stored.</summary>
    public bool Discarded { get; private set; }

    public void Discard()
    {
        Discarded = true;
        stop.Cancel();
    }

    public void OnProgress(RunProgress progress)
    {
        lock (_series)
        {
            _latest = progress;
            if (!progress.WarmingUp)
            {
                _series.Add(new RunSecond(_series.Count, progress.RequestsPerSecond, progress.ErrorsInSecond, null, Math.Round(progress.P99Ms, 3)));
            }
        }
    }

    /// <summary>Partial metrics for GET results while the run goes on.</summary>
    public RunSummary Partial()
    {
        lock (_series)
        {
            var elapsed = Math.Max(_latest.Elapsed.TotalSeconds, 1e-9);
            return new RunSummary(
                runId, RunSummary.InProgress, startedAt, null, EstimatedCompletion, WorkloadCoordinator.Config(plan),
                new RunThroughput(Math.Round(_latest.TotalRequests / elapsed, 3), 0),
                new RunLatency(0, 0, Math.Round(_latest.P99Ms, 3), 0, 0),
                _latest.TotalRequests == 0 ? 0 : (double)_latest.TotalErrors / _latest.TotalRequests,
                _latest.TotalRequests, _latest.TotalErrors, 0, 0, null, null, [.. _series], []);
        }
    }
}
