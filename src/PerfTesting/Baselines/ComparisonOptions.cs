using PerfTesting.Metrics;

namespace PerfTesting.Baselines;

/// <summary>
/// How strict a baseline comparison is. Every metric follows one rule
/// (<see cref="PerfTesting.Comparison.ChangeDecision.DecideFromTest"/>): Regressed or Improved only when
/// the change is beyond the tolerance AND significant at <see cref="SignificanceLevel"/>; Inconclusive
/// when it is beyond the tolerance but the test cannot tell it from noise, or when the runs are too
/// short to test at all; Same otherwise.
/// </summary>
public sealed record ComparisonOptions
{
    /// <summary>
    /// The default relative tolerance for every latency percentile and throughput: 15%. A stored
    /// baseline comes from another day (and perhaps another machine), whose absolute figures drift by
    /// tens of percent; its verdict is a trend record, and the 5% gate is the A/B comparison
    /// (<see cref="PerfTesting.Comparison.ABRunner"/>).
    /// </summary>
    public const double DefaultRelativeTolerance = 0.15;

    /// <summary>Default number of per-second clusters each run needs for a percentile or throughput test: 5.</summary>
    public const int DefaultMinimumClusters = 5;

    /// <summary>Default number of requests each run needs beyond a percentile for that percentile to be judged: 5.</summary>
    public const int DefaultMinimumTailRequests = 5;

    /// <summary>The default absolute tolerance for the error rate: 1 percentage point.</summary>
    public const double DefaultErrorRateTolerance = 0.01;

    /// <summary>The default significance level: 1%.</summary>
    public const double DefaultSignificanceLevel = 0.01;

    /// <summary>The options used when none are given.</summary>
    public static ComparisonOptions Default { get; } = new();

    /// <summary>Relative change that counts, the same for p50, p95, p99 and throughput (0.15 = 15%). <value>Default: <see cref="DefaultRelativeTolerance"/>.</value></summary>
    public double RelativeTolerance { get; init; } = DefaultRelativeTolerance;

    /// <summary>
    /// Per-second clusters each run needs before its percentiles and throughput are tested: with one or
    /// two seconds the cluster-robust variance and the rank test cannot resolve anything, and the metric
    /// reads Inconclusive with that reason. <value>Default: <see cref="DefaultMinimumClusters"/>.</value>
    /// </summary>
    public int MinimumClusters { get; init; } = DefaultMinimumClusters;

    /// <summary>Requests each run needs beyond a percentile (p99: 5 / 0.01 = 500 requests). <value>Default: <see cref="DefaultMinimumTailRequests"/>.</value></summary>
    public int MinimumTailRequests { get; init; } = DefaultMinimumTailRequests;

    /// <summary>Absolute change of the error rate that counts (0.01 = one percentage point).</summary>
    public double ErrorRateTolerance { get; init; } = DefaultErrorRateTolerance;

    /// <summary>The p-value below which a change is significant.</summary>
    public double SignificanceLevel { get; init; } = DefaultSignificanceLevel;

    /// <summary>
    /// Give a real verdict even when the baseline was taken on a different machine, runtime or OS
    /// (the environment difference is noted). <value>Default: false.</value>
    /// </summary>
    public bool AllowDifferentEnvironment { get; init; }

    /// <summary>
    /// A baseline from another environment (CPU model, core count, OS, runtime major version) is compared
    /// for information only and does not fail the check. When false (the default), such a baseline
    /// fails the check with the reason, because it cannot tell a regression from a different machine:
    /// accept a baseline measured here, set this, or set <see cref="AllowDifferentEnvironment"/>.
    /// <value>Default: false.</value>
    /// </summary>
    public bool InformationalAcrossEnvironments { get; init; }

    /// <summary>Throws when a value is out of range, so a misconfiguration fails before any run.</summary>
    public ComparisonOptions Validate()
    {
        if (RelativeTolerance is < 0 or > 10 || ErrorRateTolerance is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), "Tolerances must be between 0 and 10 (error rate: 0 to 1).");
        }

        if (MinimumClusters < 2 || MinimumTailRequests < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumClusters), "At least two clusters and one request beyond a percentile are needed.");
        }

        if (SignificanceLevel is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SignificanceLevel), SignificanceLevel, "The significance level must be between 0 and 1.");
        }

        return this;
    }

    /// <summary>The tolerance that applies to <paramref name="metric"/>.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>A relative tolerance, or an absolute one for the error rate.</returns>
    public double ToleranceFor(PerfMetric metric) => metric == PerfMetric.ErrorRate ? ErrorRateTolerance : RelativeTolerance;
}
