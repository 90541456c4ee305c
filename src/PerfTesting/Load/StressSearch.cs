using PerfTesting.Assertions;

namespace PerfTesting.Load;

/// <summary>
/// Raises the number of closed-model clients step by step until the SLA breaks. The breaking point is
/// the first client count whose run failed the SLA; the last passing count is the capacity. Bounded:
/// the steps are given, and the search stops at the first breach or on cancellation.
/// </summary>
public static class StressSearch
{
    /// <summary>Runs the steps in order until one breaches the SLA.</summary>
    /// <param name="runner">Runner whose options (name, meters) each step copies.</param>
    /// <param name="clients">Increasing client counts.</param>
    /// <param name="stepDuration">Measured duration of each step.</param>
    /// <param name="scenarios">What each client does.</param>
    /// <param name="sla">The SLA that defines "broken".</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <returns>The steps run; the last one failed its SLA unless every step passed.</returns>
    public static async Task<IReadOnlyList<StressStep>> RunAsync(
        LoadRunner runner,
        IReadOnlyList<int> clients,
        TimeSpan stepDuration,
        IReadOnlyList<Scenario> scenarios,
        SlaDefinition sla,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(sla);
        ClientSteps.Validate(clients, nameof(clients));
        return await ClientSteps.RunAsync(
            runner,
            clients,
            stepDuration,
            count => LoadProfile.Closed(count, stepDuration),
            scenarios,
            (count, result) => new StressStep(count, result, SlaEvaluator.Evaluate(result, sla)),
            static step => !step.Sla.Passed,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first step that failed its SLA, or null when every step passed.</summary>
    public static StressStep? BreakingPoint(IReadOnlyList<StressStep> steps) => steps?.FirstOrDefault(s => !s.Sla.Passed);
}
