using System.Diagnostics;
using PerfTesting.Load;
using PerfTesting.Measurement;

namespace PerfTesting.Comparison;

/// <summary>
/// Runs an A/B comparison: the same scenario against A and B for <see cref="ABOptions.Rounds"/> rounds,
/// each round running both sides once, each run short and warmed up by its profile; the order within a
/// round is shuffled with a recorded seed (balanced: as many rounds start with A as with B). With
/// <see cref="ABSchedule.Duet"/> (the default) the two sides of a round run at the same time, with
/// <see cref="ABSchedule.Interleaved"/> one after the other. Either way what the machine does meanwhile
/// hits both sides of a round alike, and the paired test over rounds (<see cref="ABComparer"/>) sees
/// only the difference.
/// </summary>
/// <example>
/// <code>
/// var comparison = await new ABRunner().RunAsync("download", baseUrl, headUrl,
///     LoadProfile.Closed(16, TimeSpan.FromSeconds(1)).WithWarmUp(TimeSpan.FromSeconds(0.3)),
///     url => Scenario.Create("download", HttpStep.Get(http, url)), cancellationToken);
/// // comparison.Overall: Same, Improved, Regressed or Inconclusive; comparison.Metrics: one row per metric.
/// </code>
/// </example>
public sealed class ABRunner
{
    private readonly ABOptions _options;
    private readonly LoadRunner _runner;
    private readonly IProgress<ABRound>? _progress;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">Rounds, tolerances, seed; defaults when null.</param>
    /// <param name="runnerOptions">Options of the load runner each side's runs use.</param>
    /// <param name="progress">Told after each round.</param>
    public ABRunner(ABOptions? options = null, LoadRunnerOptions? runnerOptions = null, IProgress<ABRound>? progress = null)
    {
        _options = (options ?? ABOptions.Default).Validate();
        _runner = new LoadRunner(runnerOptions);
        _progress = progress;
    }

    /// <summary>The options.</summary>
    public ABOptions Options => _options;

    /// <summary>Compares two targets with one scenario written against a target.</summary>
    /// <typeparam name="TTarget">What tells the scenario where to send load: a URL, a client, a connection string.</typeparam>
    /// <param name="name">What is compared.</param>
    /// <param name="a">The reference target.</param>
    /// <param name="b">The candidate target.</param>
    /// <param name="profile">Each run's load, warm-up included (keep it short: the rounds give the precision).</param>
    /// <param name="scenario">Builds the scenario for a target; called once per side.</param>
    /// <param name="cancellationToken">Stops the comparison.</param>
    public Task<ABComparison> RunAsync<TTarget>(string name, TTarget a, TTarget b, LoadProfile profile, Func<TTarget, Scenario> scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(scenario);
        var scenarioA = scenario(a);
        var scenarioB = scenario(b);
        return RunAsync(name, (side, ct) => _runner.RunAsync(profile, side == ABSide.A ? scenarioA : scenarioB, ct), cancellationToken);
    }

    /// <summary>Compares two sides that run themselves (for example a workload started inside each side's service).</summary>
    /// <param name="name">What is compared.</param>
    /// <param name="run">Runs one side once and returns what it measured.</param>
    /// <param name="cancellationToken">Stops the comparison.</param>
    public async Task<ABComparison> RunAsync(string name, Func<ABSide, CancellationToken, Task<RunResult>> run, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        var started = Stopwatch.GetTimestamp();
        var seed = _options.Seed ?? Random.Shared.Next();
        var order = Order(seed, _options.Rounds);
        if (_options.Prime)
        {
            await RunRoundAsync(order[0]).ConfigureAwait(false);
        }

        var rounds = new List<ABRound>(_options.Rounds);
        for (var i = 0; i < _options.Rounds; i++)
        {
            var (a, b) = await RunRoundAsync(order[i]).ConfigureAwait(false);
            var round = new ABRound(i + 1, order[i], a, b);
            rounds.Add(round);
            _progress?.Report(round);
        }

        return new ABComparison(name, seed, _options, rounds, ABComparer.Compare(rounds, _options), Stopwatch.GetElapsedTime(started));

        Task<(ABSample A, ABSample B)> RunRoundAsync(ABSide first) =>
            ABRoundPlayer.PlayAsync(_options.Schedule, first, async (side, ct) => ABSample.From(await run(side, ct).ConfigureAwait(false)), cancellationToken);
    }

    /// <summary>Which side runs first in each round: half the rounds each (one more A-first when odd), shuffled with <paramref name="seed"/>.</summary>
    /// <param name="seed">The recorded seed.</param>
    /// <param name="rounds">How many rounds.</param>
    public static IReadOnlyList<ABSide> Order(int seed, int rounds)
    {
        var order = Enumerable.Range(0, rounds).Select(i => i < (rounds + 1) / 2 ? ABSide.A : ABSide.B).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
