using PerfTesting.Load;

namespace PerfTesting.Comparison.Sequential;

/// <summary>
/// An A/B comparison that runs as many rounds as it needs: the first look after
/// <see cref="ABSequentialOptions.FirstLookRounds"/> rounds, more rounds while a gated metric is
/// undecided, and a stop at a decision, at the last planned look, or before a look that would overrun the
/// time budget. The promised confidence holds over all looks together (<see cref="ABSequentialOptions"/>
/// says how); a metric still undecided at the stop reads Inconclusive with the change it could resolve.
/// Rounds are played as <see cref="ABRunner"/> plays them (duet or interleaved, the order within each
/// look's block of rounds shuffled and balanced with the recorded seed).
/// </summary>
public sealed class ABAdaptiveRunner
{
    private const int MaxRoundsPerLook = 1000;
    private readonly ABOptions _options;
    private readonly ABSequentialOptions _sequential;
    private readonly LoadRunnerOptions? _runnerOptions;
    private readonly IProgress<ABRound>? _progress;
    private readonly TimeProvider _time;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">Tolerances, promised confidence, schedule, seed (its <see cref="ABOptions.Rounds"/> is not used); defaults when null.</param>
    /// <param name="sequential">The look plan and the budget; defaults when null.</param>
    /// <param name="runnerOptions">Options of the load runner each side's runs use.</param>
    /// <param name="progress">Told after each round.</param>
    /// <param name="timeProvider">The clock the budget is measured with; the system's when null.</param>
    public ABAdaptiveRunner(ABOptions? options = null, ABSequentialOptions? sequential = null, LoadRunnerOptions? runnerOptions = null, IProgress<ABRound>? progress = null, TimeProvider? timeProvider = null)
    {
        _options = (options ?? ABOptions.Default).Validate();
        _sequential = (sequential ?? ABSequentialOptions.Default).Validate(_options.ConfidenceLevel);
        _runnerOptions = runnerOptions;
        _progress = progress;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Compares two targets with one scenario written against a target (as <see cref="ABRunner.RunAsync{TTarget}"/>).</summary>
    /// <typeparam name="TTarget">What tells the scenario where to send load.</typeparam>
    /// <param name="name">What is compared.</param>
    /// <param name="a">The reference target.</param>
    /// <param name="b">The candidate target.</param>
    /// <param name="profile">Each run's load, warm-up included.</param>
    /// <param name="scenario">Builds the scenario for a target; called once per side.</param>
    /// <param name="cancellationToken">Stops the comparison.</param>
    public Task<ABComparison> RunAsync<TTarget>(string name, TTarget a, TTarget b, LoadProfile profile, Func<TTarget, Scenario> scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(scenario);
        var runner = new LoadRunner(_runnerOptions);
        var scenarioA = scenario(a);
        var scenarioB = scenario(b);
        return RunAsync(name, async (side, ct) => ABSample.From(await runner.RunAsync(profile, side == ABSide.A ? scenarioA : scenarioB, ct).ConfigureAwait(false)), cancellationToken);
    }

    /// <summary>Compares two sides that measure themselves: <paramref name="measure"/> runs one side once.</summary>
    /// <param name="name">What is compared.</param>
    /// <param name="measure">Runs one side once and returns its figures.</param>
    /// <param name="cancellationToken">Stops the comparison.</param>
    public async Task<ABComparison> RunAsync(string name, Func<ABSide, CancellationToken, Task<ABSample>> measure, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(measure);
        var started = _time.GetTimestamp();
        var seed = _options.Seed ?? Random.Shared.Next();
        if (_options.Prime)
        {
            await ABRoundPlayer.PlayAsync(_options.Schedule, ABSide.A, measure, cancellationToken).ConfigureAwait(false);
        }

        var roundsStarted = _time.GetTimestamp();
        var rounds = new List<ABRound>(_sequential.MaximumRounds);
        var lookSizes = new List<int>();
        IReadOnlyList<ABMetricComparison> metrics;
        ABStopReason stop;
        var block = _sequential.FirstLookRounds;
        while (true)
        {
            var order = ABRunner.Order(unchecked(seed + lookSizes.Count), block);
            foreach (var first in order)
            {
                var (a, b) = await ABRoundPlayer.PlayAsync(_options.Schedule, first, measure, cancellationToken).ConfigureAwait(false);
                var round = new ABRound(rounds.Count + 1, first, a, b);
                rounds.Add(round);
                _progress?.Report(round);
            }

            lookSizes.Add(rounds.Count);
            (metrics, var decided) = ABSequentialJudge.Look(rounds, _options, _sequential);
            if (decided is { } reason)
            {
                stop = reason;
                break;
            }

            if (lookSizes.Count == _sequential.MaximumLooks)
            {
                stop = ABStopReason.LastLook;
                break;
            }

            // Another look is taken only when it can end within the budget, at the pace of the rounds so far.
            var elapsed = _time.GetElapsedTime(started);
            var perRound = _time.GetElapsedTime(roundsStarted) / rounds.Count;
            block = NextBlock(elapsed, perRound, _sequential.MaximumLooks - lookSizes.Count);
            if (elapsed + (perRound * block) > _sequential.Budget)
            {
                stop = ABStopReason.Budget;
                break;
            }
        }

        var looks = new ABLooks(_sequential.MaximumLooks, lookSizes.Count, _sequential.PerLookConfidence(_options.ConfidenceLevel), lookSizes, stop, _sequential.Budget, _sequential.GatedMetrics);
        return new ABComparison(name, seed, _options with { Rounds = rounds.Count }, rounds, ABSequentialJudge.Conclude(metrics, stop, rounds.Count, _sequential), _time.GetElapsedTime(started), looks);
    }

    /// <summary>
    /// The rounds of the next look: <see cref="ABSequentialOptions.RoundsPerLook"/>, or with
    /// <see cref="ABSequentialOptions.FillBudget"/> as many as let the looks left share what is left of the
    /// budget at the pace so far (never fewer). Only the clock sizes a look, never the rounds' figures, so
    /// each look's split confidence holds as it does for a plan fixed in advance.
    /// </summary>
    private int NextBlock(TimeSpan elapsed, TimeSpan perRound, int looksLeft)
    {
        if (!_sequential.FillBudget || perRound <= TimeSpan.Zero || looksLeft <= 0)
        {
            return _sequential.RoundsPerLook;
        }

        var fit = (_sequential.Budget - elapsed) / perRound / looksLeft;
        return fit >= MaxRoundsPerLook ? MaxRoundsPerLook : Math.Max(_sequential.RoundsPerLook, (int)fit);
    }
}
