using System.Globalization;
using System.Text;
using PerfTesting.Metrics;
using PerfTesting.Tables;

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
                $"{looks.PerLookConfidence * 100:0.###}% intervals at each of {looks.Taken} look(s) of at most {looks.Planned}, {o.ConfidenceLevel * 100:0.#}% over all looks; stopped: {Stop(looks.Stop)}; gated: {string.Join(", ", looks.GatedMetrics.Select(PerfMetrics.Label))}");
        return string.Create(CultureInfo.InvariantCulture,
            $"A/B '{comparison.Name}': {comparison.Overall} ({comparison.Rounds.Count} rounds, {Schedule(o.Schedule)}, seed {comparison.Seed}; tolerance ±{o.Tolerance * 100:0.#}% (error rate ±{o.ErrorRateTolerance * 100:0.##} pp), {intervals}; {comparison.Elapsed.TotalSeconds:0} s)");
    }

    /// <summary>
    /// The comparison as a table: metric, A's and B's medians, per-round change, interval, smallest resolvable
    /// change, p-value, verdict and why, each row toned by its verdict; columns left-aligned.
    /// </summary>
    /// <param name="comparison">The comparison.</param>
    public static ReportTable Table(ABComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        string[] columns = ["metric", "A (median)", "B (median)", "per-round change", "confidence interval", "resolves", "p-value", "verdict", "why"];
        return new ReportTable(
            Headline(comparison),
            null,
            columns,
            [.. comparison.Metrics.Select(m => (IReadOnlyList<string>)
            [
                m.Metric.Label(),
                m.Metric.Value(m.A),
                m.Metric.Value(m.B),
                m.Metric.Change(m.Change),
                double.IsNaN(m.Lower) ? "n/a" : $"[{m.Metric.Change(m.Lower)}, {m.Metric.Change(m.Upper)}]",
                double.IsNaN(m.Resolvable) ? "n/a" : "±" + m.Metric.Change(m.Resolvable).TrimStart('+'),
                PerfMetrics.PValue(m.PValue),
                m.Verdict.ToString(),
                m.Reason,
            ])])
        {
            Alignment = [.. columns.Select(_ => ColumnAlignment.Left)],
            Tones = [.. comparison.Metrics.Select(m => m.Verdict.Tone())],
            ToneColumn = 7,
        };
    }

    /// <summary>Every round's medians, throughputs and error rates, A beside B: the figures the verdicts were computed from.</summary>
    /// <param name="comparison">The comparison.</param>
    public static ReportTable RoundsTable(ABComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        string[] columns = ["round", "first", "A p50", "B p50", "A p99", "B p99", "A req/s", "B req/s", "A errors", "B errors"];
        return new ReportTable(
            "Rounds (A = base, B = head)",
            null,
            columns,
            [.. comparison.Rounds.Select(r => (IReadOnlyList<string>)
            [
                r.Index.ToString(CultureInfo.InvariantCulture),
                r.First.ToString(),
                PerfMetric.P50.Value(r.A.P50),
                PerfMetric.P50.Value(r.B.P50),
                PerfMetric.P99.Value(r.A.P99),
                PerfMetric.P99.Value(r.B.P99),
                PerfMetric.Throughput.Value(r.A.Throughput),
                PerfMetric.Throughput.Value(r.B.Throughput),
                PerfMetric.ErrorRate.Value(r.A.ErrorRate),
                PerfMetric.ErrorRate.Value(r.B.ErrorRate),
            ])])
        {
            Alignment = [.. columns.Select(_ => ColumnAlignment.Left)],
        };
    }

    /// <summary>Plain text, columns padded: for test output and failure messages.</summary>
    /// <param name="comparison">The comparison.</param>
    public static string Render(ABComparison comparison) => TextTable.Render(Table(comparison));

    /// <summary>GitHub Markdown: the headline, the table, and every round's figures in a collapsed section.</summary>
    /// <param name="comparison">The comparison.</param>
    public static string Markdown(ABComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var table = Table(comparison);
        var rounds = RoundsTable(comparison);
        return new StringBuilder()
            .Append("**").Append(MarkdownTable.Icon(comparison.Overall.Tone())).Append(table.Title).Append("**\n\n")
            .Append(MarkdownTable.Grid(table))
            .Append("\n<details><summary>").Append(rounds.Title).Append("</summary>\n\n")
            .Append(MarkdownTable.Grid(rounds))
            .Append("\n</details>\n")
            .ToString();
    }

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
}
