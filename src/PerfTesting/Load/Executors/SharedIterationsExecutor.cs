namespace PerfTesting.Load.Executors;

/// <summary>
/// The clients share a number of measured iterations (k6's shared-iterations): each takes the next while
/// any are left, so a faster client runs more. The time limit ends a run that takes too long.
/// </summary>
internal sealed class SharedIterationsExecutor(SharedIterationsProfile profile, LoadRunContext run) : ClosedExecutor(profile, run)
{
    private readonly long _total = run.Share(profile.TotalIterations);
    private long _issued;

    protected override async Task ClientAsync(int id, ScenarioContext context, Random random, CancellationToken cancellationToken)
    {
        var (window, iterations, picker, time) = (Run.Window, Run.Iterations, Run.Picker, Run.Time);
        var limit = profile.TimeLimit;
        while (!Stopping)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measured = window.IsMeasuring;
            if (measured)
            {
                if (window.Elapsed >= limit)
                {
                    Stopping = true;
                    return;
                }

                if (Interlocked.Increment(ref _issued) > _total)
                {
                    return;
                }
            }

            await iterations.RunAsync(context, picker.Pick(random.NextDouble()), measured, time.GetTimestamp(), cancellationToken).ConfigureAwait(false);
        }
    }
}
