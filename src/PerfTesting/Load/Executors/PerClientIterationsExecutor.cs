namespace PerfTesting.Load.Executors;

/// <summary>Each client runs the same number of measured iterations (k6's per-vu-iterations); the time limit ends a run that takes too long.</summary>
internal sealed class PerClientIterationsExecutor(PerClientIterationsProfile profile, LoadRunContext run) : ClosedExecutor(profile, run)
{
    protected override async Task ClientAsync(int id, ScenarioContext context, Random random, CancellationToken cancellationToken)
    {
        var (window, iterations, picker, time) = (Run.Window, Run.Iterations, Run.Picker, Run.Time);
        var (perClient, limit) = (profile.IterationsPerClient, profile.TimeLimit);
        long measuredIterations = 0;
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

                if (measuredIterations >= perClient)
                {
                    return;
                }

                measuredIterations++;
            }

            await iterations.RunAsync(context, picker.Pick(random.NextDouble()), measured, time.GetTimestamp(), cancellationToken).ConfigureAwait(false);
        }
    }
}
