using System.Globalization;
using System.Text;

namespace PerfTesting.Baselines;

/// <summary>Renders a baseline outcome as a plain-text table for test output and failure messages.</summary>
public static class ComparisonTable
{
    /// <summary>Renders the outcome.</summary>
    /// <param name="outcome">What the check found.</param>
    /// <returns>Lines of text; numbers in the invariant culture.</returns>
    public static string Render(BaselineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder();
        switch (outcome.Status)
        {
            case BaselineStatus.Missing:
                text.AppendLine(CultureInfo.InvariantCulture, $"Baseline '{outcome.Name}': none committed. This run was written to {outcome.WrittenPath}.");
                text.AppendLine(AcceptHint);
                return text.ToString();
            case BaselineStatus.Accepted:
                return outcome.AcceptedFrom == AcceptSource.Received
                    ? $"Baseline '{outcome.Name}': accepted the received file of the previous run as the new baseline ({outcome.WrittenPath}).{System.Environment.NewLine}"
                    : outcome.Comparison is not null
                        ? $"Baseline '{outcome.Name}': this run passed ({outcome.Comparison.Overall}) and nothing was received; accepted this run as the new baseline ({outcome.WrittenPath}).{System.Environment.NewLine}"
                        : $"Baseline '{outcome.Name}': no baseline and nothing received; accepted this run as the new baseline ({outcome.WrittenPath}).{System.Environment.NewLine}";
            case BaselineStatus.NotComparable when outcome.Comparison is not { Metrics.Count: > 0 }:
                return $"Baseline '{outcome.Name}': not comparable, {outcome.Comparison?.NotComparableReason}. No verdict; this run was written to {outcome.WrittenPath}.{System.Environment.NewLine}";
        }

        var comparison = outcome.Comparison!;
        var headline = comparison.Comparable ? comparison.Overall.ToString()
            : outcome.Informational ? "informational only, no verdict"
            : "FAILED: the baseline cannot be compared, no verdict";
        text.AppendLine(CultureInfo.InvariantCulture, $"Baseline '{outcome.Name}': {headline}{(comparison.NotComparableReason is null ? string.Empty : $" ({comparison.NotComparableReason})")}");
        var rows = new List<string[]> { new[] { "metric", "baseline", "current", "change", "tolerance", "p-value", "verdict", "why" } };
        rows.AddRange(comparison.Metrics.Select(m => new[]
        {
            Label(m.Metric),
            Value(m.Metric, m.Baseline),
            Value(m.Metric, m.Current),
            Change(m),
            m.Metric == BaselineMetric.ErrorRate ? $"±{Format(m.Tolerance * 100, "0.##")} pp" : $"±{Format(m.Tolerance * 100, "0.#")}%",
            double.IsNaN(m.PValue) ? "n/a" : m.PValue < 0.0001 ? "<0.0001" : Format(m.PValue, "0.0000"),
            m.Verdict.ToString(),
            m.Reason,
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(" | ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        if (outcome.Status == BaselineStatus.NotComparable && !outcome.Informational)
        {
            text.AppendLine("A baseline measured in another environment cannot tell a regression from a different machine. Accept a baseline measured here, "
                + "or opt in: ComparisonOptions.InformationalAcrossEnvironments (compare for information, never fail) or AllowDifferentEnvironment (a verdict anyway).");
        }

        if (outcome.WrittenPath is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"This run was written to {outcome.WrittenPath}.");
            text.AppendLine(AcceptHint);
        }

        return text.ToString();
    }

    /// <summary>How to accept received files: the one command, or the environment variable on the next run.</summary>
    public const string AcceptHint =
        "If it is what you expect, accept it: `perftest accept` in the test project's folder (or any folder above it), "
        + "or run the test again with PERF_ACCEPT=1; both make the received file the baseline.";

    /// <summary>The metric's display name.</summary>
    /// <param name="metric">The metric.</param>
    public static string Label(BaselineMetric metric) => metric switch
    {
        BaselineMetric.Throughput => "throughput",
        BaselineMetric.ErrorRate => "error rate",
        _ => metric.ToString().ToLowerInvariant(),
    };

    /// <summary>A value with its unit.</summary>
    /// <param name="metric">The metric, which decides the unit.</param>
    /// <param name="value">The value.</param>
    public static string Value(BaselineMetric metric, double value) => metric switch
    {
        BaselineMetric.Throughput => Format(value, "0.0") + " req/s",
        BaselineMetric.ErrorRate => Format(value * 100, "0.00") + "%",
        _ => Format(value, "0.000") + " ms",
    };

    /// <summary>The change with its sign: relative for most metrics, percentage points for the error rate.</summary>
    /// <param name="comparison">The row.</param>
    public static string Change(MetricComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison.Metric == BaselineMetric.ErrorRate
            ? Format(comparison.Change * 100, "+0.00;-0.00;0.00") + " pp"
            : double.IsInfinity(comparison.Change) ? "new" : Format(comparison.Change * 100, "+0.0;-0.0;0.0") + "%";
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
