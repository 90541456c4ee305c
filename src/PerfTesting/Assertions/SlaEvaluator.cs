using System.Globalization;
using PerfTesting.Measurement;

namespace PerfTesting.Assertions;

/// <summary>Evaluates an SLA against a run: an analyser that returns a report and never throws for a breach.</summary>
public static class SlaEvaluator
{
    /// <summary>Evaluates every requirement.</summary>
    /// <param name="result">The run.</param>
    /// <param name="sla">The SLA.</param>
    /// <returns>The report.</returns>
    public static SlaReport Evaluate(RunResult result, SlaDefinition sla)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(sla);
        return new SlaReport(result.Name, [.. sla.Requirements.Select(r => Line(result, r))]);
    }

    private static SlaLine Line(RunResult result, SlaRequirement requirement)
    {
        var scenario = requirement.Scenario is null ? null : result.Scenarios.FirstOrDefault(s => s.Name == requirement.Scenario);
        if (requirement.Scenario is not null && scenario is null)
        {
            return new SlaLine(requirement, double.NaN, false, LimitText(requirement), "scenario did not run");
        }

        var totals = scenario?.Totals ?? result.Totals;
        switch (requirement.Metric)
        {
            case SlaMetric.LatencyPercentile:
                var histogram = HistogramCodec.Decode(scenario?.LatencyHistogram ?? result.LatencyHistogram);
                if (histogram.TotalCount == 0)
                {
                    return new SlaLine(requirement, double.NaN, false, LimitText(requirement), "no requests completed");
                }

                var latency = LatencyStats.Percentile(histogram, requirement.Percentile!.Value);
                return new SlaLine(requirement, latency, requirement.IsMetBy(latency), LimitText(requirement), Ms(latency));
            case SlaMetric.ErrorRate:
                // An empty run has an error rate of 0 (RunTotals.ErrorRateOf) but proves nothing: it fails the line.
                if (totals.Completed == 0)
                {
                    return new SlaLine(requirement, double.NaN, false, LimitText(requirement), "no requests completed");
                }

                return new SlaLine(requirement, totals.ErrorRate, requirement.IsMetBy(totals.ErrorRate), LimitText(requirement),
                    Percent(totals.ErrorRate) + ErrorKinds(scenario?.ErrorsByKind ?? result.ErrorsByKind));
            case SlaMetric.Throughput:
                var throughput = result.Duration <= TimeSpan.Zero ? 0 : totals.Completed / result.Duration.TotalSeconds;
                return new SlaLine(requirement, throughput, requirement.IsMetBy(throughput), LimitText(requirement), Rate(throughput));
            default:
                var arrivals = totals.Started + totals.Dropped;
                var dropped = arrivals == 0 ? 0 : (double)totals.Dropped / arrivals;
                return new SlaLine(requirement, dropped, requirement.IsMetBy(dropped), LimitText(requirement), Percent(dropped));
        }
    }

    /// <summary>The failures by kind, most frequent first, e.g. " (status 500: 12, timeout: 3)"; empty when none.</summary>
    /// <param name="errorsByKind">Failures by kind.</param>
    /// <returns>Text to append to the measured error rate.</returns>
    public static string ErrorKinds(IReadOnlyDictionary<string, long> errorsByKind)
    {
        ArgumentNullException.ThrowIfNull(errorsByKind);
        const int shown = 4;
        var kinds = errorsByKind.Where(e => e.Value > 0).OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        if (kinds.Count == 0)
        {
            return string.Empty;
        }

        var listed = string.Join(", ", kinds.Take(shown).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key}: {e.Value}")));
        return kinds.Count > shown ? $" ({listed}, {kinds.Count - shown} more kinds)" : $" ({listed})";
    }

    private static string LimitText(SlaRequirement requirement) => requirement.Metric switch
    {
        SlaMetric.LatencyPercentile => "< " + Ms(requirement.Limit),
        SlaMetric.Throughput => "> " + Rate(requirement.Limit),
        _ => "< " + Percent(requirement.Limit),
    };

    private static string Ms(double value) => value.ToString(value < 10 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + " ms";

    private static string Rate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " req/s";

    private static string Percent(double share) => (share * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
