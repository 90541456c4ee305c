using System.Globalization;
using PerfTesting.Metrics;

namespace PerfTesting.Comparison;

/// <summary>
/// How an A/B comparison runs and judges. Immutable; <see cref="Validate"/> runs before any load.
/// </summary>
public sealed record ABOptions
{
    /// <summary>Default number of rounds: 20 (a 99% interval needs at least 8; 20 short rounds resolved about ±2% at p50 on a busy 2-core machine, see docs/bench/ab-verdict-trust.md).</summary>
    public const int DefaultRounds = 20;

    /// <summary>Default tolerance: 5%, the change benchmark practice asks to catch.</summary>
    public const double DefaultTolerance = 0.05;

    /// <summary>Default error-rate tolerance: 1 percentage point.</summary>
    public const double DefaultErrorRateTolerance = 0.01;

    /// <summary>Default confidence of the change's interval: 99% (five metrics are judged, so each gets a strict level).</summary>
    public const double DefaultConfidenceLevel = 0.99;

    /// <summary>Default number of requests a run must have beyond a percentile for that percentile to count: 5.</summary>
    public const int DefaultMinimumTailRequests = 5;

    /// <summary>The options used when none are given.</summary>
    public static ABOptions Default { get; } = new();

    /// <summary>Rounds; each runs A and B once, in a random order. <value>Default: <see cref="DefaultRounds"/>.</value></summary>
    public int Rounds { get; init; } = DefaultRounds;

    /// <summary>Relative change of p50, p95, p99 and throughput that matters (0.05 = 5%). <value>Default: <see cref="DefaultTolerance"/>.</value></summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>Absolute change of the error rate that matters (0.01 = 1 percentage point). <value>Default: <see cref="DefaultErrorRateTolerance"/>.</value></summary>
    public double ErrorRateTolerance { get; init; } = DefaultErrorRateTolerance;

    /// <summary>Two-sided confidence of each metric's interval. <value>Default: <see cref="DefaultConfidenceLevel"/>.</value></summary>
    public double ConfidenceLevel { get; init; } = DefaultConfidenceLevel;

    /// <summary>
    /// Requests a run must have beyond a percentile for it to be judged: p99 needs 5 / 0.01 = 500
    /// requests per run, p95 100, p50 10. Below that the percentile is a handful of samples and the
    /// metric reads Inconclusive with that reason. <value>Default: <see cref="DefaultMinimumTailRequests"/>.</value>
    /// </summary>
    public int MinimumTailRequests { get; init; } = DefaultMinimumTailRequests;

    /// <summary>Seed of the order shuffle; null picks one (it is recorded in the result either way, so a comparison can be replayed).</summary>
    public int? Seed { get; init; }

    /// <summary>Whether A and B run one after the other in shuffled order, or at the same time. <value>Default: <see cref="ABSchedule.Duet"/>: on a busy 2-core machine interleaved runs resolved ±3.5% to ±12% at p50, duet runs ±2% (docs/explanation/verdict-statistics.md).</value></summary>
    public ABSchedule Schedule { get; init; } = ABSchedule.Duet;

    /// <summary>Run each side once, unrecorded, before the rounds (JIT, connection pools, caches). <value>Default: true.</value></summary>
    public bool Prime { get; init; } = true;

    /// <summary>The fewest usable rounds that can give a verdict at <see cref="ConfidenceLevel"/> (8 at 99%).</summary>
    public int MinimumRounds => Statistics.PairedShiftEstimate.MinimumPairs(ConfidenceLevel);

    /// <summary>The tolerance of <paramref name="metric"/>.</summary>
    /// <param name="metric">The metric.</param>
    public double ToleranceFor(PerfMetric metric) => metric == PerfMetric.ErrorRate ? ErrorRateTolerance : Tolerance;

    /// <summary>Throws when a value is out of range, so a misconfiguration fails before any run.</summary>
    /// <returns>This.</returns>
    public ABOptions Validate()
    {
        if (ConfidenceLevel is <= 0.5 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must be between 0.5 and 1.");
        }

        if (Rounds < MinimumRounds || Rounds > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, string.Create(CultureInfo.InvariantCulture, $"A {ConfidenceLevel * 100:0.#}% interval needs at least {MinimumRounds} rounds (and at most 1000)."));
        }

        if (Tolerance is <= 0 or > 10 || ErrorRateTolerance is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), "Tolerances must be positive (relative: at most 10; error rate: at most 1).");
        }

        if (MinimumTailRequests < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumTailRequests), MinimumTailRequests, "At least one request beyond the percentile is needed.");
        }

        return this;
    }
}
