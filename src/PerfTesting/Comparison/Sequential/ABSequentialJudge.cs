using System.Globalization;
using PerfTesting.Metrics;

namespace PerfTesting.Comparison.Sequential;

/// <summary>
/// One look of an adaptive comparison, pure (the same rounds give the same answer): every metric judged
/// by <see cref="ABComparer"/> at the look's split confidence, and whether the gated metrics allow a stop.
/// </summary>
public static class ABSequentialJudge
{
    /// <summary>Judges the rounds so far.</summary>
    /// <param name="rounds">Every round so far.</param>
    /// <param name="options">Tolerances and the promised confidence.</param>
    /// <param name="sequential">The look plan.</param>
    /// <returns>One row per metric, and the reason to stop now (null: the gated metrics are not all decided).</returns>
    public static (IReadOnlyList<ABMetricComparison> Metrics, ABStopReason? Stop) Look(IReadOnlyList<ABRound> rounds, ABOptions options, ABSequentialOptions sequential)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sequential);
        var atLook = options with { ConfidenceLevel = sequential.PerLookConfidence(options.ConfidenceLevel) };
        var metrics = ABComparer.Compare(rounds, atLook);
        var gated = metrics.Where(m => sequential.GatedMetrics.Contains(m.Metric)).ToList();
        ABStopReason? stop = gated.Any(m => m.Verdict == Verdict.Regressed) ? ABStopReason.Regressed
            : gated.All(m => m.Verdict != Verdict.Inconclusive) ? ABStopReason.Decided
            : null;
        return (metrics, stop);
    }

    /// <summary>
    /// The final rows: a gated metric still Inconclusive when the comparison stopped at its last look or
    /// its budget says so, and what change the rounds could resolve against the tolerance.
    /// </summary>
    /// <param name="metrics">The last look's rows.</param>
    /// <param name="stop">Why the comparison stopped.</param>
    /// <param name="rounds">Rounds judged.</param>
    /// <param name="sequential">The look plan.</param>
    public static IReadOnlyList<ABMetricComparison> Conclude(IReadOnlyList<ABMetricComparison> metrics, ABStopReason stop, int rounds, ABSequentialOptions sequential)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(sequential);
        if (stop is not (ABStopReason.Budget or ABStopReason.LastLook))
        {
            return metrics;
        }

        var where = stop == ABStopReason.Budget
            ? string.Create(CultureInfo.InvariantCulture, $"stopped at the time budget ({sequential.Budget.TotalSeconds:0} s) after {rounds} rounds")
            : string.Create(CultureInfo.InvariantCulture, $"stopped at the last look ({sequential.MaximumLooks}) after {rounds} rounds");
        return [.. metrics.Select(m => m.Verdict != Verdict.Inconclusive || !sequential.GatedMetrics.Contains(m.Metric) ? m
            : m with { Reason = double.IsNaN(m.Resolvable)
                ? $"{m.Reason}; {where}"
                : $"{m.Reason}; {where}, the rounds resolve ±{m.Metric.Change(m.Resolvable).TrimStart('+')} against a tolerance of ±{m.Metric.Change(m.Tolerance).TrimStart('+')}" })];
    }
}
