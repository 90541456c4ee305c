using PerfTesting.Measurement;

namespace PerfTesting.Load;

/// <summary>
/// What a step knows about who runs it: the virtual client's id, how many iterations that client has
/// done, and a per-client bag for state the scenario keeps between iterations (a session, a cursor).
/// One context per client, never shared between concurrently running steps.
/// </summary>
public sealed class ScenarioContext
{
    private Dictionary<string, object>? _items;

    /// <summary>Creates a context.</summary>
    /// <param name="clientId">The virtual client's id, 0-based.</param>
    public ScenarioContext(int clientId) => ClientId = clientId;

    /// <summary>The virtual client's id, 0-based; in the open model, the id of the slot that runs the arrival.</summary>
    public int ClientId { get; }

    /// <summary>Iterations this client started before the current one (warm-up included).</summary>
    public long Iteration { get; internal set; }

    /// <summary>The scenario being run.</summary>
    public string ScenarioName { get; internal set; } = string.Empty;

    /// <summary>State the scenario keeps for this client between iterations.</summary>
    public IDictionary<string, object> Items => _items ??= [];

    // Set by the run for each iteration: where this scenario's steps are recorded, whether the iteration
    // is measured (not warm-up), and the run's clock.
    internal StepRecorders? Steps { get; set; }

    internal bool Measured { get; set; }

    internal TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>
    /// Runs <paramref name="step"/> as the named step <paramref name="name"/> of the current iteration and
    /// records it on its own (latency, success or the failure's kind, bytes), in
    /// <see cref="ScenarioResult.Steps"/> of this scenario. A thrown exception becomes a failed outcome
    /// classified like a failed iteration; cancellation of the run is passed on.
    /// </summary>
    /// <param name="name">The step's name, e.g. "login".</param>
    /// <param name="step">What the step does.</param>
    /// <param name="cancellationToken">The run's token.</param>
    /// <returns>The step's outcome, for the scenario to act on.</returns>
    public async ValueTask<StepOutcome> StepAsync(string name, ScenarioStep step, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(step);
        var recorder = Measured ? Steps?.For(name) : null;
        recorder?.Start();
        var start = Time.GetTimestamp();
        StepOutcome outcome;
        try
        {
            outcome = await step(this, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            recorder?.Cancel();
            throw;
        }
        catch (Exception e)
        {
            outcome = StepOutcome.Fail(ErrorKinds.Of(e));
        }

        recorder?.Record(LatencyHistograms.ToMicroseconds(Time.GetTimestamp() - start, Time.TimestampFrequency), outcome.Success, outcome.Bytes, outcome.ErrorKind);
        return outcome;
    }
}
