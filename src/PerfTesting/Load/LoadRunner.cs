namespace PerfTesting.Load;

/// <summary>
/// Runs scenarios under a load profile and measures them. One runner can run many times; each run is
/// independent. Nothing here throws for what a run measured: SLAs and baselines judge the result.
/// </summary>
/// <example>
/// <code>
/// using var http = new HttpClient();
/// var result = await new LoadRunner().RunAsync(
///     LoadProfile.Closed(clients: 100, TimeSpan.FromSeconds(10)).WithWarmUp(TimeSpan.FromSeconds(2)),
///     Scenario.Create("home", HttpStep.Get(http, new Uri("http://127.0.0.1:5000/"))),
///     cancellationToken);
/// </code>
/// </example>
public sealed class LoadRunner
{
    private readonly LoadRunnerOptions _options;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">Clock, observer, capture settings; defaults when null.</param>
    public LoadRunner(LoadRunnerOptions? options = null) => _options = (options ?? new LoadRunnerOptions()).Validate();

    /// <summary>The runner's options.</summary>
    public LoadRunnerOptions Options => _options;

    /// <summary>Runs one scenario.</summary>
    /// <param name="profile">How load is applied.</param>
    /// <param name="scenario">What each iteration does.</param>
    /// <param name="cancellationToken">Stops the run (within a second) with partial results.</param>
    /// <returns>What was measured.</returns>
    public Task<Measurement.RunResult> RunAsync(LoadProfile profile, Scenario scenario, CancellationToken cancellationToken = default) =>
        RunAsync(profile, [scenario], cancellationToken);

    /// <summary>Runs weighted scenarios together.</summary>
    /// <param name="profile">How load is applied.</param>
    /// <param name="scenarios">The scenarios; each iteration picks one by weight.</param>
    /// <param name="cancellationToken">Stops the run (within a second) with partial results.</param>
    /// <returns>What was measured.</returns>
    public Task<Measurement.RunResult> RunAsync(LoadProfile profile, IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Count == 0 || scenarios.Any(s => s is null))
        {
            throw new ArgumentException("A run needs at least one scenario.", nameof(scenarios));
        }

        if (scenarios.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != scenarios.Count)
        {
            throw new ArgumentException("Scenario names must be unique within a run.", nameof(scenarios));
        }

        var shared = scenarios.Where(s => s.Load is null).ToList();
        if (shared.Count == scenarios.Count)
        {
            return new LoadRun(profile, scenarios, _options).ExecuteAsync(cancellationToken);
        }

        List<LoadGroup> groups = shared.Count > 0 ? [new LoadGroup(profile, shared)] : [];
        groups.AddRange(scenarios.Where(s => s.Load is not null).Select(s => new LoadGroup(s.Load!, [s])));
        return new ConcurrentLoadRun(groups, _options).ExecuteAsync(cancellationToken);
    }

    /// <summary>
    /// Runs scenarios that each carry their own load (<see cref="Scenario.WithLoad"/>) side by side, in
    /// one run on one clock: their measured windows begin together (after their common warm-up), their
    /// seconds line up, and the result holds each scenario's figures and the whole's.
    /// </summary>
    /// <param name="scenarios">The scenarios, each with its own load profile.</param>
    /// <param name="cancellationToken">Stops the run (within a second) with partial results.</param>
    /// <returns>What was measured.</returns>
    public Task<Measurement.RunResult> RunAsync(IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Count == 0 || scenarios.Any(s => s?.Load is null))
        {
            throw new ArgumentException("Without a run profile every scenario needs its own load (Scenario.WithLoad).", nameof(scenarios));
        }

        return RunAsync(scenarios[0].Load!, scenarios, cancellationToken);
    }
}
