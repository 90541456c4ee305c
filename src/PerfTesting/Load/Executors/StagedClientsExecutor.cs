namespace PerfTesting.Load.Executors;

/// <summary>
/// Clients in stages (k6's ramping-vus): in each stage the clients numbered below its count run, the
/// others wait for a stage that needs them. Warm-up runs the first stage's clients.
/// </summary>
internal sealed class StagedClientsExecutor(StagedClientsProfile profile, LoadRunContext run) : ClosedExecutor(profile, run)
{
    // Stage changes are coarse, so a client out of the current stage polls for its turn.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly TimeSpan _end = profile.Duration < profile.TimeLimit ? profile.Duration : profile.TimeLimit;

    protected override async Task ClientAsync(int id, ScenarioContext context, Random random, CancellationToken cancellationToken)
    {
        var (window, iterations, picker, time) = (Run.Window, Run.Iterations, Run.Picker, Run.Time);
        var warmUpClients = (int)Run.Share(profile.Stages[0].Clients);
        while (!Stopping)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measured = window.IsMeasuring;
            int active;
            if (measured)
            {
                var elapsed = window.Elapsed;
                if (elapsed >= _end)
                {
                    Stopping = true;
                    return;
                }

                active = (int)Run.Share(profile.ClientsAt(elapsed));
            }
            else
            {
                active = warmUpClients;
            }

            if (id >= active)
            {
                await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await iterations.RunAsync(context, picker.Pick(random.NextDouble()), measured, time.GetTimestamp(), cancellationToken).ConfigureAwait(false);
        }
    }
}
