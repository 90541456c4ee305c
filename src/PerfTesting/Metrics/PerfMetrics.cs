using System.Globalization;

namespace PerfTesting.Metrics;

/// <summary>
/// Name, unit, direction and number format of each <see cref="PerfMetric"/>: the one formatter that the
/// baseline, A/B and history tables share, so a p99 or an error rate reads the same in all of them.
/// Numbers are in the invariant culture.
/// </summary>
public static class PerfMetrics
{
    /// <summary>Every metric, in the order reports show them.</summary>
    public static IReadOnlyList<PerfMetric> All { get; } = Enum.GetValues<PerfMetric>();

    /// <summary>The metric's display name: p50, p95, p99, throughput, error rate.</summary>
    /// <param name="metric">The metric.</param>
    public static string Label(this PerfMetric metric) => metric switch
    {
        PerfMetric.Throughput => "throughput",
        PerfMetric.ErrorRate => "error rate",
        _ => metric.ToString().ToLowerInvariant(),
    };

    /// <summary>The unit of the metric's values: ms, req/s, or % for the error rate.</summary>
    /// <param name="metric">The metric.</param>
    public static string Unit(this PerfMetric metric) => metric switch
    {
        PerfMetric.Throughput => "req/s",
        PerfMetric.ErrorRate => "%",
        _ => "ms",
    };

    /// <summary>Which way the metric gets worse: only throughput is worse when it falls.</summary>
    /// <param name="metric">The metric.</param>
    public static MetricDirection Direction(this PerfMetric metric) =>
        metric == PerfMetric.Throughput ? MetricDirection.LowerIsWorse : MetricDirection.HigherIsWorse;

    /// <summary>Whether the metric's changes are absolute differences (the error rate) rather than relative ones.</summary>
    /// <param name="metric">The metric.</param>
    public static bool ChangesAreAbsolute(this PerfMetric metric) => metric == PerfMetric.ErrorRate;

    /// <summary>A value with its unit: "12.345 ms", "1520.0 req/s", "0.25%"; "n/a" for NaN.</summary>
    /// <param name="metric">The metric, which decides the unit.</param>
    /// <param name="value">The value (ms, requests per second, or a 0 to 1 rate).</param>
    public static string Value(this PerfMetric metric, double value) =>
        double.IsNaN(value) ? "n/a" : metric switch
        {
            PerfMetric.Throughput => Format(value, "0.0") + " req/s",
            PerfMetric.ErrorRate => Format(value * 100, "0.00") + "%",
            _ => Format(value, "0.000") + " ms",
        };

    /// <summary>A change with its sign: "+4.2%", or "+0.50 pp" for the error rate; "new" for a change from zero, "n/a" for NaN.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="change">The change: relative (0.05 = +5%), or absolute for the error rate.</param>
    public static string Change(this PerfMetric metric, double change) =>
        double.IsNaN(change) ? "n/a"
        : metric.ChangesAreAbsolute() ? Format(change * 100, "+0.00;-0.00;0.00") + " pp"
        : double.IsInfinity(change) ? "new"
        : Format(change * 100, "+0.0;-0.0;0.0") + "%";

    /// <summary>A tolerance: "±5%", or "±0.5 pp" for the error rate.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="tolerance">The tolerance, in the unit of the metric's changes.</param>
    public static string Tolerance(this PerfMetric metric, double tolerance) => metric.ChangesAreAbsolute()
        ? "±" + Format(tolerance * 100, "0.##") + " pp"
        : "±" + Format(tolerance * 100, "0.#") + "%";

    /// <summary>A p-value: four decimals, "&lt;0.0001" below that, "n/a" for NaN.</summary>
    /// <param name="pValue">The p-value.</param>
    public static string PValue(double pValue) =>
        double.IsNaN(pValue) ? "n/a" : pValue < 0.0001 ? "<0.0001" : Format(pValue, "0.0000");

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
