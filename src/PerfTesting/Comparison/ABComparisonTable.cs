using System.Globalization;
using System.Text;

namespace PerfTesting.Comparison;

/// <summary>
/// Renders an A/B comparison as a table: metric, A and B (each side's median over the usable rounds), the
/// per-round change (the Hodges-Lehmann estimate of B against A within a round, which is what the verdict
/// judges, so it need not equal the ratio of the two medians), its confidence interval and the verdict
/// (plain text or GitHub Markdown). The headers say so, because a reader otherwise takes the change for B / A - 1.
/// </summary>
public static class ABComparisonTable
{
    /// <summary>The header line of the comparison: overall verdict, rounds, seed, tolerance.</summary>
    /// <param name="comparison">The comparison.</param>
    public static string Headline(ABComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var o = comparison.Options;
        var intervals = comparison.Looks is not { } looks
            ? string.Create(CultureInfo.InvariantCulture, $"{o.ConfidenceLevel * 100:0.#}% intervals")
            : string.Create(CultureInfo.InvariantCulture,
                $"{looks.PerLookConfidence * 100:0.###}% intervals at each of {looks.Taken} look(s) of at most {looks.Planned}, {o.ConfidenceLevel * 100:0.#}% over all looks; stopped: {Stop(looks.Stop)}; gated: {string.Join(", ", looks.GatedMetrics.Select(Label))}");
        return string.Create(CultureInfo.InvariantCulture,
            $"A/B '{comparison.Name}': {comparison.Overall} ({comparison.Rounds.Count} rounds, {Schedule(o.Schedule)}, seed {comparison.Seed}; tolerance ±{o.Tolerance * 100:0.#}% (error rate ±{o.ErrorRateTolerance * 100:0.##} pp), {intervals}; {comparison.Elapsed.TotalSeconds:0} s)");
    }

    /// <summary>The rows as cells: metric, A's and B's medians, per-round change, interval, smallest resolvable change, p-value, verdict, reason.</summary>
    /// <param name="comparison">The comparison.</param>
    public static IReadOnlyList<string[]> Rows(ABComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var rows = new List<string[]> { new[] { "metric", "A (median)", "B (median)", "per-round change", "confidence interval", "resolves", "p-value", "verdict", "why" } };
        rows.AddRange(comparison.Metrics.Select(m => new[]
        {
            Label(m.Metric),
            Value(m.Metric, m.A),
            Value(m.Metric, m.B),
            Change(m.Metric, m.Change),
            double.IsNaN(m.Lower) ? "n/a" : $"[{Change(m.Metric, m.Lower)}, {Change(m.Metric, m.Upper)}]",
            double.IsNaN(m.Resolvable) ? "n/a" : "±" + Change(m.Metric, m.Resolvable).TrimStart('+'),
            double.IsNaN(m.PValue) ? "n/a" : m.PValue < 0.0001 ? "<0.0001" : Format(m.PValue, "0.0000"),
            m.Verdict.ToString(),
            m.Reason,
        }));
        return rows;
    }

    /// <summary>Plain text, columns padded: for test output and failure messages.</summary>
    /// <param name="comparison">The comparison.</param>
    public static string Render(ABComparison comparison)
    {
        var text = new StringBuilder();
        text.AppendLine(Headline(comparison));
        var rows = Rows(comparison);
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(" | ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }

    /// <summary>GitHub Markdown: the headline, the table, and every round's figures in a collapsed section.</summary>
    /// <param name="comparison">The comparison.</param>
    public static string Markdown(ABComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var text = new StringBuilder();
        text.Append("**").Append(Icon(comparison.Overall)).Append(' ').Append(Headline(comparison)).Append("**\n\n");
        var rows = Rows(comparison);
        text.Append("| ").Append(string.Join(" | ", rows[0])).Append(" |\n");
        text.Append('|').Append(string.Concat(rows[0].Select(_ => "---|"))).Append('\n');
        foreach (var row in rows.Skip(1))
        {
            text.Append("| ").Append(string.Join(" | ", row.Select((c, i) => i == 7 ? Icon(Enum.Parse<Verdict>(c)) + " " + c : c))).Append(" |\n");
        }

        text.Append("\n<details><summary>Rounds (A = base, B = head)</summary>\n\n");
        text.Append("| round | first | A p50 | B p50 | A p99 | B p99 | A req/s | B req/s | A errors | B errors |\n|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in comparison.Rounds)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {r.Index} | {r.First} | {Value(ABMetric.P50, r.A.P50)} | {Value(ABMetric.P50, r.B.P50)} | {Value(ABMetric.P99, r.A.P99)} | {Value(ABMetric.P99, r.B.P99)} | {Value(ABMetric.Throughput, r.A.Throughput)} | {Value(ABMetric.Throughput, r.B.Throughput)} | {Value(ABMetric.ErrorRate, r.A.ErrorRate)} | {Value(ABMetric.ErrorRate, r.B.ErrorRate)} |\n");
        }

        text.Append("\n</details>\n");
        return text.ToString();
    }

    /// <summary>The metric's display name.</summary>
    /// <param name="metric">The metric.</param>
    public static string Label(ABMetric metric) => metric switch
    {
        ABMetric.Throughput => "throughput",
        ABMetric.ErrorRate => "error rate",
        _ => metric.ToString().ToLowerInvariant(),
    };

    /// <summary>A value with its unit.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="value">The value.</param>
    public static string Value(ABMetric metric, double value) =>
        double.IsNaN(value) ? "n/a" : metric switch
        {
            ABMetric.Throughput => Format(value, "0.0") + " req/s",
            ABMetric.ErrorRate => Format(value * 100, "0.00") + "%",
            _ => Format(value, "0.000") + " ms",
        };

    /// <summary>A change with its sign: relative, or percentage points for the error rate.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="change">The change.</param>
    public static string Change(ABMetric metric, double change) =>
        double.IsNaN(change) ? "n/a"
        : metric == ABMetric.ErrorRate ? Format(change * 100, "+0.00;-0.00;0.00") + " pp"
        : Format(change * 100, "+0.0;-0.0;0.0") + "%";

    private static string Stop(Sequential.ABStopReason stop) => stop switch
    {
        Sequential.ABStopReason.Decided => "every gated metric decided",
        Sequential.ABStopReason.Regressed => "a gated metric regressed",
        Sequential.ABStopReason.LastLook => "the last look",
        _ => "the time budget",
    };

    private static string Schedule(ABSchedule schedule) => schedule == ABSchedule.Duet
        ? "A and B at the same time (duet), start order shuffled"
        : "A and B one after the other, order shuffled per round";

    private static string Icon(Verdict verdict) => verdict switch
    {
        Verdict.Regressed => "❌",
        Verdict.Improved => "🚀",
        Verdict.Inconclusive => "❔",
        _ => "✅",
    };

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
