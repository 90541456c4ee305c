using PerfTesting.Measurement;

namespace PerfTesting.Load;

/// <summary>
/// The one loop behind <see cref="ConcurrencySweep"/> and <see cref="StressSearch"/>: closed runs at
/// increasing client counts, each a runner of its own named after its count, stopping after a step the
/// caller says ends it or after a cancelled run (whose partial figures are kept). With a shared start
/// time (distributed agents), step i starts i step spans after it on every agent.
/// </summary>
internal static class ClientSteps
{
    /// <summary>Checks that client counts are given, positive and strictly increasing.</summary>
    /// <param name="clients">The counts.</param>
    /// <param name="parameterName">The caller's parameter, for the exception.</param>
    public static void Validate(IReadOnlyList<int> clients, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(clients, parameterName);
        if (clients.Count == 0 || clients.Any(c => c < 1) || clients.Zip(clients.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("Client counts must be positive and increasing.", parameterName);
        }
    }

    /// <summary>Runs one closed step per client count, in order.</summary>
    /// <typeparam name="TStep">What the caller keeps of a step.</typeparam>
    /// <param name="runner">Runner whose options each step copies.</param>
    /// <param name="clients">Validated, increasing client counts.</param>
    /// <param name="stepSpan">How long one step takes (warm-up included): step i of a shared start begins i spans after it.</param>
    /// <param name="profile">The load of a step with the given client count.</param>
    /// <param name="scenarios">What each client does.</param>
    /// <param name="step">Turns a step's client count and result into what the caller keeps.</param>
    /// <param name="isLast">True when no further step should run after this one.</param>
    /// <param name="cancellationToken">Stops the steps.</param>
    /// <returns>The steps that ran.</returns>
    public static async Task<IReadOnlyList<TStep>> RunAsync<TStep>(
        LoadRunner runner,
        IReadOnlyList<int> clients,
        TimeSpan stepSpan,
        Func<int, LoadProfile> profile,
        IReadOnlyList<Scenario> scenarios,
        Func<int, RunResult, TStep> step,
        Func<TStep, bool> isLast,
        CancellationToken cancellationToken)
    {
        var steps = new List<TStep>();
        foreach (var count in clients)
        {
            var stepRunner = new LoadRunner(runner.Options with
            {
                Name = $"{runner.Options.Name}-{count}-clients",
                StartAt = SharedStart.ForStep(runner.Options.StartAt, steps.Count, stepSpan),
            });
            var result = await stepRunner.RunAsync(profile(count), scenarios, cancellationToken).ConfigureAwait(false);
            var kept = step(count, result);
            steps.Add(kept);
            if (result.Cancelled || isLast(kept))
            {
                break;
            }
        }

        return steps;
    }
}
