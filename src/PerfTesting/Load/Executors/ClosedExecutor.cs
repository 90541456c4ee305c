namespace PerfTesting.Load.Executors;

/// <summary>
/// What the closed-model executors share: starting this agent's share of the clients beside the warm-up
/// timer, and a flag that stops every client once one of them sees the end. Each mode's client loop is
/// its own, so the loop that runs every request holds only its mode's checks.
/// </summary>
internal abstract class ClosedExecutor(ClosedLoadProfile profile, LoadRunContext run) : Executor(run)
{
    private volatile bool _stopping;

    /// <summary>True once a client saw the end of the run: every client stops before its next iteration.</summary>
    protected bool Stopping
    {
        get => _stopping;
        set => _stopping = value;
    }

    public override Task RunAsync(CancellationToken cancellationToken)
    {
        var count = (int)Run.Share(profile.MaxClients);
        var clients = new Task[count + 1];
        clients[0] = Run.Window.EndWarmUpAsync(cancellationToken);
        for (var id = 0; id < count; id++)
        {
            clients[id + 1] = StartClientAsync(id, cancellationToken);
        }

        return Task.WhenAll(clients);
    }

    /// <summary>One virtual client's loop, from the start of warm-up to the end of the run.</summary>
    protected abstract Task ClientAsync(int id, ScenarioContext context, Random random, CancellationToken cancellationToken);

    private async Task StartClientAsync(int id, CancellationToken cancellationToken)
    {
        // Yield at once so that starting thousands of clients does not run their first requests inline.
        await Task.Yield();
        var (context, random) = Run.NewClient(id);
        await ClientAsync(id, context, random, cancellationToken).ConfigureAwait(false);
    }
}
