using System.Globalization;
using System.Text;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Sequential;
using PerfTesting.Reporting.Comparison;
using PerfTesting.Reporting.Model;
using PerfTesting.Metrics;

namespace Tests.Perf.Track.Rounds;

/// <summary>
/// The A/B tables of docs/performance-report.md, from the <c>comparisons</c> of results.json: one row
/// per comparison (change, interval and the change the rounds could resolve per metric, the
/// overall verdict last), then per comparison what A and B were, the schedule and why, and each
/// metric's reason. A row whose schedule's control did not read Same says its verdict is void.
/// </summary>
internal static class ComparisonSection
{
    private static readonly PerfMetric[] Columns = [PerfMetric.P50, PerfMetric.P95, PerfMetric.P99, PerfMetric.Throughput, PerfMetric.ErrorRate];

    public static ABReport? Find(PerfReport report, string name) => report.Comparisons.FirstOrDefault(c => c.Title == name);

    /// <summary>What every table's rule is, once per document.</summary>
    public static void Rule(StringBuilder md, PerfReport report)
    {
        var first = report.Comparisons.FirstOrDefault()?.Comparison;
        var options = first?.Options ?? ABOptions.Default;
        var looks = first?.Looks;
        var rounds = looks is null
            ? $"for {options.Rounds} rounds (plus one unrecorded priming round); each round runs both sides once, in a seeded random order"
            : $"in adaptive rounds (plus one unrecorded priming round): each round runs both sides once, in a seeded random order; the engine (`ABAdaptiveRunner`) looks at the rounds after {looks.RoundsAtEachLook[0]}, and again after each further block of rounds, at most {report.Comparisons.Where(c => !TrackVerdict.IsControl(c)).Select(c => c.Comparison.Looks?.Planned ?? 0).DefaultIfEmpty(looks.Planned).Max()} looks ({report.Comparisons.Where(TrackVerdict.IsControl).Select(c => c.Comparison.Looks?.Planned ?? 0).DefaultIfEmpty(looks.Planned).Max()} for a control, the run's proof of its noise floor) and a time budget per comparison (a share of the run's A/B time: what a clear change does not use goes to the comparisons after it), and stops at the first look where {string.Join(", ", looks.GatedMetrics.Select(PerfMetrics.Label))} are all decided: a clear change stops early, a control or a small change gets more rounds";
        var level = looks is null
            ? $"a {options.ConfidenceLevel * 100:0.#}% Hodges-Lehmann interval"
            : $"a Hodges-Lehmann interval at each look at the promised {options.ConfidenceLevel * 100:0.#}% split over the comparison's looks ({string.Join(", ", report.Comparisons.Select(c => c.Comparison.Looks).OfType<ABLooks>().Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.PerLookConfidence * 100:0.##}% for {l.Planned} looks")).Distinct())}), so that looking more than once keeps the promised error rate";
        Line(md, $"Every before/after below is an A/B comparison: the baseline configuration (A) and the variant (B) run as two registry instances on the same backing services, each with its own bucket, tables and database, seeded alike, {rounds}. Per metric, the engine (`ABComparer`) takes the per-round log ratio B/A, a signed-rank test and {level}; **Improved**/**Regressed** when the interval excludes zero and reaches the tolerance ({Tolerances(report)}; error rate ±{options.ErrorRateTolerance * 100:0.##} pp), **Same** when it lies within it (or the change is significant but smaller), **Inconclusive** when the rounds cannot resolve a change of that size. Cells: change [interval] ±resolvable verdict. The overall verdict (last column) is Regressed if a gated metric regressed, else Improved if one improved, else Inconclusive if one is, else Same. A metric whose runs had too few requests for it (p99 needs {ABComparer.RequestsNeeded(PerfMetric.P99, options)} per run) is marked not judged and left out of the overall verdict. Every round's figures are `comparisons[].comparison.rounds` in results.json, and each comparison's looks `comparisons[].comparison.looks`.");
        var failed = TrackVerdict.FailedControls(report.Comparisons);
        Line(md, $"");
        if (report.Comparisons.Count(TrackVerdict.IsControl) == 0)
        {
            Line(md, $"**No control ran in this results file: no verdict below can be trusted.**");
        }
        else if (failed.Count == 0)
        {
            Line(md, $"Controls: {string.Join("; ", report.Comparisons.Where(TrackVerdict.IsControl).Select(c => $"`{c.Title}` read Same (p50 resolved ±{Resolves(c.Comparison, PerfMetric.P50)}, throughput ±{Resolves(c.Comparison, PerfMetric.Throughput)})"))}: the machine was quiet enough for the verdicts of this run.");
        }
        else
        {
            foreach (var (schedule, control) in failed)
            {
                var victims = report.Comparisons.Where(c => !TrackVerdict.IsControl(c) && c.Comparison.Options.Schedule == schedule).Select(c => $"`{c.Title}`");
                Line(md, $"**The machine was too noisy in this run: the {schedule.ToString().ToLowerInvariant()} control `{control.Title}` read {TrackVerdict.Overall(control.Comparison)}, not Same, so the verdicts of the {schedule.ToString().ToLowerInvariant()} comparisons are void: {string.Join(", ", victims)}.** Measure again on a quieter machine.");
            }
        }
    }

    /// <summary>One table: the rows named, in order; missing names are skipped.</summary>
    public static void Table(StringBuilder md, PerfReport report, IEnumerable<string> names)
    {
        var rows = names.Select(n => Find(report, n)).OfType<ABReport>().ToList();
        if (rows.Count == 0)
        {
            Line(md, $"No A/B comparison of this section is in this results file (the run did not reach it).");
            return;
        }

        var failed = TrackVerdict.FailedControls(report.Comparisons);
        Line(md, $"| comparison | schedule | A / B p50 ms | A / B requests/s | p50 | p95 | p99 | throughput | error rate | overall |");
        Line(md, $"|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var c = row.Comparison;
            var overall = TrackVerdict.Overall(c).ToString();
            if (!TrackVerdict.IsControl(row) && failed.TryGetValue(c.Options.Schedule, out var control))
            {
                overall += $" (void: `{control.Title}` read {TrackVerdict.Overall(control.Comparison)})";
            }

            var p50 = c.Metric(PerfMetric.P50);
            var throughput = c.Metric(PerfMetric.Throughput);
            Line(md, $"| `{row.Title}` | {c.Options.Schedule.ToString().ToLowerInvariant()}, {c.Rounds.Count} rounds{(c.Looks is { } l ? $" ({l.Taken} of {l.Planned} looks)" : "")} | {p50.A:0.#} / {p50.B:0.#} | {throughput.A:0.#} / {throughput.B:0.#} | {string.Join(" | ", Columns.Select(m => Cell(c, m)))} | **{overall}** |");
        }

        foreach (var row in rows)
        {
            var c = row.Comparison;
            Line(md, $"");
            Line(md, $"`{row.Title}`: A = `{row.A.Label}` ({row.A.Description}); B = `{row.B.Label}` ({row.B.Description}). Each run: {row.Workload}. {string.Join(" ", row.Notes)} Seed {c.Seed}; {c.Elapsed.TotalSeconds:0} s{(c.Looks is { } l ? $"; {l.Taken} look(s) at {string.Join(", ", l.RoundsAtEachLook)} rounds, budget {l.Budget.TotalSeconds:0} s, stopped: {Stop(l.Stop)}" : "")}.");
            foreach (var m in c.Metrics)
            {
                Line(md, $"- {PerfMetrics.Label(m.Metric)}: {(TrackVerdict.Judged(c, m.Metric) ? $"{m.Verdict}, {m.Reason} (p = {(double.IsNaN(m.PValue) ? "n/a" : m.PValue.ToString("0.####", CultureInfo.InvariantCulture))}, {m.UsedRounds} rounds)" : TrackVerdict.NotJudged(c, m.Metric))}");
            }
        }
    }

    private static string Cell(ABComparison c, PerfMetric metric)
    {
        if (!TrackVerdict.Judged(c, metric))
        {
            return "not judged";
        }

        var m = c.Metric(metric);
        return double.IsNaN(m.Lower)
            ? $"{m.Verdict} (no interval)"
            : $"{PerfMetrics.Change(metric, m.Change)} [{PerfMetrics.Change(metric, m.Lower)}, {PerfMetrics.Change(metric, m.Upper)}] ±{PerfMetrics.Change(metric, m.Resolvable).TrimStart('+')} {m.Verdict}";
    }

    // The tolerance of each schedule in this file, with why the interleaved one is wider.
    private static string Tolerances(PerfReport report)
    {
        var schedules = report.Comparisons.GroupBy(c => c.Comparison.Options.Schedule).ToList();
        var tolerances = string.Join("; ", schedules.Select(g => string.Create(CultureInfo.InvariantCulture, $"±{g.First().Comparison.Options.Tolerance * 100:0.#}% {g.Key.ToString().ToLowerInvariant()}")));
        return schedules.Any(g => g.Key == ABSchedule.Interleaved)
            ? tolerances + "; interleaved is wider because a side that runs alone also measures how the machine drifted between the two halves of a round: its control's per-round scatter is two to five times the duet's, and the interleaved comparisons are the large effects"
            : tolerances;
    }

    private static string Stop(ABStopReason stop) => stop switch
    {
        ABStopReason.Decided => "every gated metric decided",
        ABStopReason.Regressed => "a gated metric regressed",
        ABStopReason.LastLook => "the last look",
        _ => "the time budget",
    };

    private static string Resolves(ABComparison c, PerfMetric metric) => PerfMetrics.Change(metric, c.Metric(metric).Resolvable).TrimStart('+');

    private static void Line(StringBuilder md, FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
