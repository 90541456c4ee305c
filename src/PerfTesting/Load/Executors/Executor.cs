namespace PerfTesting.Load.Executors;

/// <summary>
/// Applies one load mode (k6's lib/executor): each profile type creates its executor, which starts the
/// clients or dispatches the arrivals and ends the warm-up through the run's window. The window, the
/// ticker and the result are shared by every mode (<see cref="Window.MeasurementWindow"/>).
/// </summary>
internal abstract class Executor(LoadRunContext run)
{
    /// <summary>The run this executor loads.</summary>
    protected LoadRunContext Run { get; } = run;

    /// <summary>Applies the load until the mode's end, the run's time limit or cancellation (thrown).</summary>
    public abstract Task RunAsync(CancellationToken cancellationToken);
}
