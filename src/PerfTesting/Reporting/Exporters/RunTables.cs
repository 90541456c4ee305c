using PerfTesting.Baselines;
using PerfTesting.Comparison;
using PerfTesting.Metrics;
using PerfTesting.Reporting.Model;
using PerfTesting.Tables;

namespace PerfTesting.Reporting.Exporters;

/// <summary>
/// The tables of a report, built once from its runs: the HTML exporter shows the summary and each run's own
/// tables, the Markdown exporter the tables across runs (a run column first). Formats differ only in rendering.
/// </summary>
internal static class RunTables
{
    private const string None = "–";

    public static ReportTable Summary(IReadOnlyList<RunReport> runs) => new(
        "Summary",
        null,
        ["run", "requests", "errors", "dropped", "req/s", "MB/s", "mean", "p50", "p95", "p99", "p99.9", "max", "SLA", "baseline"],
        [.. runs.Select(run => (IReadOnlyList<string>)
        [
            run.Name, ReportFormat.Count(run.Totals.Completed), ReportFormat.Percent(run.ErrorRate), ReportFormat.Count(run.Totals.Dropped),
            ReportFormat.Rate(run.ThroughputPerSecond), ReportFormat.MegabytesPerSecond(run.BytesPerSecond), ReportFormat.Ms(run.Latency.Mean),
            ReportFormat.Ms(run.Latency.P50), ReportFormat.Ms(run.Latency.P95), ReportFormat.Ms(run.Latency.P99), ReportFormat.Ms(run.Latency.P999),
            ReportFormat.Ms(run.Latency.Max), run.Sla.Count == 0 ? None : run.Sla.All(s => s.Passed) ? "met" : "broken",
            run.Baseline?.Overall?.ToString() ?? run.Baseline?.Status.ToString() ?? None,
        ])])
    {
        Tones = [.. runs.Select(run => run.Sla.Count == 0 ? CellTone.None : run.Sla.All(s => s.Passed) ? CellTone.Pass : CellTone.Fail)],
        ToneColumn = 12,
        Links = [.. runs.Select(run => "#" + Anchor(run.Name))],
    };

    /// <summary>One run's tables for its HTML section, in the order they are shown; empty ones are left out.</summary>
    public static IEnumerable<ReportTable> Of(RunReport run)
    {
        if (run.Scenarios.Count > 1 || run.Scenarios.Any(s => s.Steps.Count > 0))
        {
            yield return Scenarios("Scenarios and steps", [run], includeRun: false);
        }

        if (run.Sla.Count > 0)
        {
            yield return Sla("SLA", [run], includeRun: false);
        }

        if (run.Baseline is { } baseline)
        {
            yield return Baseline(baseline);
        }

        if (run.ErrorsByKind.Count > 0)
        {
            yield return new ReportTable("Errors by kind", null, ["kind", "count"],
                [.. run.ErrorsByKind.OrderByDescending(e => e.Value).Select(e => (IReadOnlyList<string>)[e.Key, ReportFormat.Count(e.Value)])]);
        }

        if (run.WhiteBox.Count > 0)
        {
            yield return new ReportTable("Service instruments (white-box)", null, ["instrument", "unit", "kind", "count", "mean", "p50", "p99", "max", "sum"],
                [.. run.WhiteBox.Select(i => (IReadOnlyList<string>)
                [
                    i.Name, i.Unit, i.Kind, ReportFormat.Count(i.Count), N(i.Mean), i.P50 is { } p50 ? N(p50) : None, i.P99 is { } p99 ? N(p99) : None, N(i.Max), N(i.Sum),
                ])]);
        }
    }

    /// <summary>Every SLA line of <paramref name="runs"/>, with a run column when <paramref name="includeRun"/>.</summary>
    public static ReportTable Sla(string title, IReadOnlyList<RunReport> runs, bool includeRun)
    {
        var lines = runs.SelectMany(r => r.Sla.Select(line => (Run: r.Name, Line: line))).ToList();
        return new ReportTable(
            title,
            null,
            Columns(includeRun, ["requirement", "limit", "actual", "result"]),
            [.. lines.Select(l => WithRun(includeRun, l.Run, [l.Line.Description, l.Line.Limit, l.Line.Actual, l.Line.Passed ? "pass" : "FAIL"]))])
        {
            Alignment = Aligned(includeRun, [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Left]),
            Tones = [.. lines.Select(l => l.Line.Passed ? CellTone.Pass : CellTone.Fail)],
        };
    }

    /// <summary>Each scenario of <paramref name="runs"/> followed by its steps as "scenario / step" rows.</summary>
    public static ReportTable Scenarios(string title, IReadOnlyList<RunReport> runs, bool includeRun)
    {
        var rows = runs.SelectMany(run => run.Scenarios.SelectMany(s => s.Steps.Select(step => (Label: $"{s.Name} / {step.Name}", Scenario: step)).Prepend((Label: s.Name, Scenario: s)))
            .Select(r => WithRun(includeRun, run.Name,
            [
                r.Label, ReportFormat.Count(r.Scenario.Totals.Completed), ReportFormat.Percent(r.Scenario.ErrorRate), ReportFormat.Rate(r.Scenario.ThroughputPerSecond),
                .. includeRun ? Array.Empty<string>() : [ReportFormat.Ms(r.Scenario.Latency.Mean)],
                ReportFormat.Ms(r.Scenario.Latency.P50), ReportFormat.Ms(r.Scenario.Latency.P95), ReportFormat.Ms(r.Scenario.Latency.P99), ReportFormat.Ms(r.Scenario.Latency.Max),
                ErrorKinds(r.Scenario.ErrorsByKind),
            ])));
        string[] columns = includeRun
            ? ["scenario", "requests", "errors", "req/s", "p50", "p95", "p99", "max", "errors by kind"]
            : ["scenario / step", "requests", "errors", "req/s", "mean", "p50", "p95", "p99", "max", "errors by kind"];
        return new ReportTable(title, null, Columns(includeRun, columns), [.. rows])
        {
            Alignment = Aligned(includeRun, [ColumnAlignment.Left, .. columns.Skip(1).SkipLast(1).Select(_ => ColumnAlignment.Right), ColumnAlignment.Left]),
        };
    }

    /// <summary>One run's baseline check: the headline as title, the note as description, a row per metric toned by its verdict.</summary>
    public static ReportTable Baseline(BaselineReport baseline)
    {
        var title = $"Baseline{(baseline.Informational ? " (informational)" : string.Empty)}: {baseline.Overall?.ToString() ?? baseline.Status.ToString()}";
        if (baseline.Metrics.Count == 0)
        {
            return new ReportTable(title, baseline.Note, [], []);
        }

        return new ReportTable(title, baseline.Note, ["metric", "baseline", "current", "change", "tolerance", "p-value", "test", "verdict"],
            [.. baseline.Metrics.Select(m => (IReadOnlyList<string>)
            [
                m.Metric.Label(), m.Metric.Value(m.Baseline), m.Metric.Value(m.Current), m.Metric.Change(m.Change), m.Metric.Tolerance(m.Tolerance),
                PerfMetrics.PValue(m.PValue), m.Test, Verdict(m),
            ])])
        {
            Tones = [.. baseline.Metrics.Select(m => m.Verdict.Tone())],
        };
    }

    /// <summary>Every run's baseline comparison in one table: a row per metric, or one row saying why there is no verdict.</summary>
    public static ReportTable Baselines(IReadOnlyList<RunReport> runs)
    {
        var rows = new List<IReadOnlyList<string>>();
        var tones = new List<CellTone>();
        foreach (var run in runs.Where(r => r.Baseline is not null))
        {
            var baseline = run.Baseline!;
            if (baseline.Metrics.Count == 0)
            {
                rows.Add([run.Name, None, None, None, None, None, Status(baseline)]);
                tones.Add(CellTone.None);
                continue;
            }

            var informational = baseline.Status == BaselineStatus.NotComparable || baseline.Informational ? " (informational)" : string.Empty;
            foreach (var m in baseline.Metrics)
            {
                rows.Add([run.Name, m.Metric.Label(), m.Metric.Value(m.Baseline), m.Metric.Value(m.Current), $"{Arrow(m.Change)} {m.Metric.Change(m.Change)}", PerfMetrics.PValue(m.PValue), Verdict(m) + informational]);
                tones.Add(m.Verdict.Tone());
            }
        }

        return new ReportTable("Baseline comparison", null, ["run", "metric", "baseline", "current", "change", "p-value", "verdict"], rows)
        {
            Alignment = [ColumnAlignment.Left, ColumnAlignment.Left, .. Enumerable.Repeat(ColumnAlignment.Right, 4), ColumnAlignment.Left],
            Tones = tones,
        };
    }

    /// <summary>Each run's totals, throughput and latency percentiles.</summary>
    public static ReportTable Latency(IReadOnlyList<RunReport> runs) => new(
        "Latency and throughput",
        null,
        ["run", "requests", "errors", "dropped", "req/s", "MB/s", "p50", "p95", "p99", "max"],
        [.. runs.Select(run => (IReadOnlyList<string>)
        [
            run.Name, ReportFormat.Count(run.Totals.Completed), ReportFormat.Percent(run.ErrorRate), ReportFormat.Count(run.Totals.Dropped),
            ReportFormat.Rate(run.ThroughputPerSecond), ReportFormat.MegabytesPerSecond(run.BytesPerSecond), ReportFormat.Ms(run.Latency.P50),
            ReportFormat.Ms(run.Latency.P95), ReportFormat.Ms(run.Latency.P99), ReportFormat.Ms(run.Latency.Max),
        ])]);

    public static string Anchor(string name) => "run-" + new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);

    private static string Verdict(MetricComparison m) => m.Verdict == PerfTesting.Comparison.Verdict.Inconclusive ? $"Inconclusive: {m.Reason}" : m.Verdict.ToString();

    private static string Status(BaselineReport baseline) => baseline.Status switch
    {
        BaselineStatus.Missing => $"⚠️ no baseline ({baseline.Note})",
        BaselineStatus.NotComparable => $"⚠️ not comparable: {baseline.Note}",
        BaselineStatus.Accepted => "📌 accepted as the new baseline",
        _ => baseline.Overall?.ToString() ?? None,
    };

    private static string Arrow(double change) => change switch
    {
        > 0 => "▲",
        < 0 => "▼",
        _ => "＝",
    };

    private static string ErrorKinds(IReadOnlyDictionary<string, long> errors) => errors.Count == 0 ? None
        : string.Join(", ", errors.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {ReportFormat.Count(e.Value)}"));

    private static string N(double value) => ReportFormat.Number(value, Math.Abs(value) < 100 ? "0.###" : "#,0");

    private static string[] Columns(bool includeRun, string[] columns) => includeRun ? ["run", .. columns] : columns;

    private static ColumnAlignment[] Aligned(bool includeRun, ColumnAlignment[] alignment) => includeRun ? [ColumnAlignment.Left, .. alignment] : alignment;

    private static IReadOnlyList<string> WithRun(bool includeRun, string run, string[] cells) => includeRun ? [run, .. cells] : cells;
}
