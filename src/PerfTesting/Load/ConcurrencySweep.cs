namespace PerfTesting.Load;

/// <summary>
/// Runs the same scenarios at increasing client counts (1, 5, 10, 20, 50, 100 by default), one closed
/// run per step, to show where latency bends and throughput stops growing.
/// </summary>
public static class ConcurrencySweep
{
    /// <summary>The client counts used when none are given.</summary>
    public static IReadOnlyList<int> DefaultClients { get; } = [1, 5, 10, 20, 50, 100];

    /// <summary>Runs the sweep.</summary>
    /// <param name="runner">The runner (its options apply to every step; each step's name gets the client count).</param>
    /// <param name="scenarios">What each iteration does.</param>
    /// <param name="stepDuration">Measured time per step.</param>
    /// <param name="clients">Client counts, increasing; <see cref="DefaultClients"/> when null.</param>
    /// <param name="warmUp">Warm-up before each step.</param>
    /// <param name="cancellationToken">Stops the sweep; finished steps are returned with the partial one.</param>
    /// <returns>One step per client count that ran.</returns>
    public static async Task<IReadOnlyList<SweepStep>> RunAsync(
        LoadRunner runner,
        IReadOnlyList<Scenario> scenarios,
        TimeSpan stepDuration,
        IReadOnlyList<int>? clients = null,
        TimeSpan? warmUp = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        clients ??= DefaultClients;
        ClientSteps.Validate(clients, nameof(clients));
        return await ClientSteps.RunAsync(
            runner,
            clients,
            (warmUp ?? TimeSpan.Zero) + stepDuration,
            count => LoadProfile.Closed(count, stepDuration).WithWarmUp(warmUp ?? TimeSpan.Zero),
            scenarios,
            static (count, result) => new SweepStep(count, result),
            static _ => false,
            cancellationToken).ConfigureAwait(false);
    }
}
