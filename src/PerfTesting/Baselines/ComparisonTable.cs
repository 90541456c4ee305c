using System.Globalization;
using System.Text;
using PerfTesting.Comparison;
using PerfTesting.Metrics;
using PerfTesting.Tables;

namespace PerfTesting.Baselines;

/// <summary>Renders a baseline outcome as plain text (its headline, the <see cref="Table"/>, what to do next) for test output and failure messages.</summary>
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
        text.Append(TextTable.Grid(Table(comparison)));

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

    /// <summary>
    /// The comparison as a table: metric, baseline, current, change, tolerance, p-value, verdict and why, each
    /// row toned by its verdict. Columns left-aligned, as the console has always shown them.
    /// </summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="title">The table's title (the console prints the outcome's own headline instead).</param>
    public static ReportTable Table(BaselineComparison comparison, string title = "")
    {
        ArgumentNullException.ThrowIfNull(comparison);
        string[] columns = ["metric", "baseline", "current", "change", "tolerance", "p-value", "verdict", "why"];
        return new ReportTable(
            title,
            null,
            columns,
            [.. comparison.Metrics.Select(m => (IReadOnlyList<string>)
            [
                m.Metric.Label(),
                m.Metric.Value(m.Baseline),
                m.Metric.Value(m.Current),
                m.Metric.Change(m.Change),
                m.Metric.Tolerance(m.Tolerance),
                PerfMetrics.PValue(m.PValue),
                m.Verdict.ToString(),
                m.Reason,
            ])])
        {
            Alignment = [.. columns.Select(_ => ColumnAlignment.Left)],
            Tones = [.. comparison.Metrics.Select(m => m.Verdict.Tone())],
            ToneColumn = 6,
        };
    }
}
