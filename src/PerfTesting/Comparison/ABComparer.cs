using System.Globalization;
using PerfTesting.Comparison.Statistics;
using PerfTesting.Metrics;

namespace PerfTesting.Comparison;

/// <summary>
/// Judges recorded rounds: per metric, a paired test over the rounds on log(B/A) (on B - A for the
/// error rate), the change's estimate and confidence interval, and the verdict of
/// <see cref="ChangeDecision"/>. Pure: the same rounds always give the same verdicts.
/// </summary>
public static class ABComparer
{
    /// <summary>Judges every metric.</summary>
    /// <param name="rounds">The rounds.</param>
    /// <param name="options">Tolerances and confidence; defaults when null.</param>
    /// <returns>One row per metric, in <see cref="PerfMetric"/> order.</returns>
    public static IReadOnlyList<ABMetricComparison> Compare(IReadOnlyList<ABRound> rounds, ABOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        options = (options ?? ABOptions.Default).Validate();
        return [.. Enum.GetValues<PerfMetric>().Select(m => CompareMetric(m, rounds, options))];
    }

    /// <summary>Judges one metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="rounds">The rounds.</param>
    /// <param name="options">Tolerances and confidence.</param>
    public static ABMetricComparison CompareMetric(PerfMetric metric, IReadOnlyList<ABRound> rounds, ABOptions options)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(options);
        var tolerance = options.ToleranceFor(metric);
        var needed = RequestsNeeded(metric, options);
        var relative = metric != PerfMetric.ErrorRate;
        var usable = rounds.Where(r => Usable(r.A) && Usable(r.B)).ToList();
        var a = Median(usable.Select(r => r.A.Value(metric)));
        var b = Median(usable.Select(r => r.B.Value(metric)));
        if (usable.Count < options.MinimumRounds)
        {
            var why = usable.Count == rounds.Count
                ? $"{rounds.Count} rounds"
                : $"{usable.Count} of {rounds.Count} rounds usable (the others had a run with fewer than {needed} requests, or no value)";
            return new ABMetricComparison(metric, a, b, double.NaN, double.NaN, double.NaN, double.NaN, tolerance, double.NaN, usable.Count, Verdict.Inconclusive,
                $"{why}: at least {options.MinimumRounds} are needed for a {(options.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture)}% interval; no verdict from fewer");
        }

        var differences = usable.Select(r => relative ? Math.Log(r.B.Value(metric) / r.A.Value(metric)) : r.B.Value(metric) - r.A.Value(metric)).ToArray();
        var shift = PairedShiftEstimate.Of(differences, options.ConfidenceLevel);
        var test = SignedRankTest.Run(differences);
        double Scale(double d) => relative ? Math.Exp(d) - 1 : d;
        var (change, lower, upper) = (Scale(shift.Estimate), Scale(shift.Lower), Scale(shift.Upper));
        var direction = metric.Direction();
        var (verdict, reason) = ChangeDecision.Decide(direction, lower, upper, tolerance);
        return new ABMetricComparison(metric, a, b, change, lower, upper, test.PValue, tolerance, (upper - lower) / 2, usable.Count, verdict, reason);

        bool Usable(ABSample s) =>
            s.Requests >= needed && double.IsFinite(s.Value(metric)) && (!relative || s.Value(metric) > 0);
    }

    /// <summary>Requests a run needs for <paramref name="metric"/> to mean something: <see cref="ABOptions.MinimumTailRequests"/> beyond the percentile; one for throughput and error rate.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="options">The options.</param>
    public static long RequestsNeeded(PerfMetric metric, ABOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return metric switch
        {
            PerfMetric.P50 => 2L * options.MinimumTailRequests,
            PerfMetric.P95 => 20L * options.MinimumTailRequests,
            PerfMetric.P99 => 100L * options.MinimumTailRequests,
            _ => 1,
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
