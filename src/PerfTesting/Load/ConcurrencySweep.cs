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
        if (clients.Count == 0 || clients.Any(c => c < 1) || clients.Zip(clients.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("Client counts must be positive and increasing.", nameof(clients));
        }

        var steps = new List<SweepStep>();
        foreach (var count in clients)
        {
            var stepRunner = new LoadRunner(runner.Options with
            {
                Name = $"{runner.Options.Name}-{count}-clients",
                StartAt = SharedStart.ForStep(runner.Options.StartAt, steps.Count, (warmUp ?? TimeSpan.Zero) + stepDuration),
            });
            var result = await stepRunner.RunAsync(
                LoadProfile.Closed(count, stepDuration).WithWarmUp(warmUp ?? TimeSpan.Zero), scenarios, cancellationToken).ConfigureAwait(false);
            steps.Add(new SweepStep(count, result));
            if (result.Cancelled)
            {
                break;
            }
        }

        return steps;
    }
}
