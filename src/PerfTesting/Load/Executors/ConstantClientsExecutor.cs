namespace PerfTesting.Load.Executors;

/// <summary>A fixed number of clients for a duration (k6's constant-vus): every client runs until the window's end.</summary>
internal sealed class ConstantClientsExecutor(StagedClientsProfile profile, LoadRunContext run) : ClosedExecutor(profile, run)
{
    private readonly TimeSpan _end = profile.Duration < profile.TimeLimit ? profile.Duration : profile.TimeLimit;

    protected override async Task ClientAsync(int id, ScenarioContext context, Random random, CancellationToken cancellationToken)
    {
        var (window, iterations, picker, time) = (Run.Window, Run.Iterations, Run.Picker, Run.Time);
        while (!Stopping)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measured = window.IsMeasuring;
            if (measured && window.Elapsed >= _end)
            {
                Stopping = true;
                return;
            }

            await iterations.RunAsync(context, picker.Pick(random.NextDouble()), measured, time.GetTimestamp(), cancellationToken).ConfigureAwait(false);
        }
    }
}
