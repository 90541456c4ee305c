using System.Globalization;

namespace PerfTesting.Assertions;

/// <summary>One line of an SLA: a metric, its limit, and the scenario it applies to (null: the whole run).</summary>
/// <param name="Metric">What is limited.</param>
/// <param name="Limit">The limit: milliseconds for latency, a share (0..1) for rates, requests per second for throughput.</param>
/// <param name="Percentile">For latency: the percentile (0..100).</param>
/// <param name="Scenario">The scenario it applies to, or null for the whole run.</param>
public sealed record SlaRequirement(SlaMetric Metric, double Limit, double? Percentile, string? Scenario)
{
    /// <summary>
    /// The one SLA comparison: throughput must be strictly above its limit; latency, error rate and
    /// dropped rate strictly below theirs, except that a limit of 0 on a rate means "none at all" and is
    /// met by exactly 0. A measured value that is NaN (nothing to measure) never meets a requirement.
    /// </summary>
    /// <param name="actual">The measured value, in the requirement's unit.</param>
    /// <returns>Whether the value meets the requirement.</returns>
    public bool IsMetBy(double actual) => Metric == SlaMetric.Throughput
        ? actual > Limit
        : actual < Limit || (Limit == 0 && actual == 0);

    /// <summary>The requirement as a sentence, e.g. "p99 latency below 250 ms (download)".</summary>
    public string Describe()
    {
        var scope = Scenario is null ? string.Empty : $" ({Scenario})";
        return Metric switch
        {
            SlaMetric.LatencyPercentile => string.Create(CultureInfo.InvariantCulture, $"p{Percentile:0.###} latency below {Limit:0.###} ms{scope}"),
            SlaMetric.ErrorRate => string.Create(CultureInfo.InvariantCulture, $"error rate below {Limit * 100:0.###}%{scope}"),
            SlaMetric.Throughput => string.Create(CultureInfo.InvariantCulture, $"throughput above {Limit:0.###} requests/s{scope}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"dropped arrivals below {Limit * 100:0.###}%{scope}"),
        };
    }
}
