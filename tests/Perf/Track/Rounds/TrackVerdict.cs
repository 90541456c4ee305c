using System.Globalization;
using PerfTesting.Comparison;
using PerfTesting.Reporting.Comparison;
using PerfTesting.Metrics;

namespace Tests.Perf.Track.Rounds;

/// <summary>
/// What the track concludes from a comparison. A metric whose runs were too short for it in nearly
/// every round (p99 in the download rounds: 200 requests per run, p99 needs 500) is not judged and
/// says so; the overall verdict is the engine's rule (<see cref="ABComparison.Overall"/>) over the
/// judged metrics. Which metrics are judged depends only on the request counts, never on the values.
/// A control (A against A) that does not read Same voids every verdict of its schedule.
/// </summary>
internal static class TrackVerdict
{
    /// <summary>The suffix that marks a control's name in results.json and the report.</summary>
    public const string ControlSuffix = " (control)";

    public static bool IsControl(ABReport report) => report.Title.EndsWith(ControlSuffix, StringComparison.Ordinal);

    /// <summary>True when fewer rounds than the interval needs had enough requests for <paramref name="metric"/>.</summary>
    public static bool Judged(ABComparison comparison, PerfMetric metric)
    {
        var needed = ABComparer.RequestsNeeded(metric, comparison.Options);
        return comparison.Rounds.Count(r => r.A.Requests >= needed && r.B.Requests >= needed) >= comparison.Options.MinimumRounds;
    }

    /// <summary>The engine's overall verdict over the judged metrics.</summary>
    public static Verdict Overall(ABComparison comparison) =>
        (comparison with { Metrics = [.. comparison.Metrics.Where(m => Judged(comparison, m.Metric))] }).Overall;

    /// <summary>Why a metric is not judged, in a sentence.</summary>
    public static string NotJudged(ABComparison comparison, PerfMetric metric)
    {
        var needed = ABComparer.RequestsNeeded(metric, comparison.Options);
        var enough = comparison.Rounds.Count(r => r.A.Requests >= needed && r.B.Requests >= needed);
        var fewest = comparison.Rounds.Min(r => Math.Min(r.A.Requests, r.B.Requests));
        return string.Create(CultureInfo.InvariantCulture,
            $"not judged: {PerfMetrics.Label(metric)} needs {needed} requests per run ({comparison.Options.MinimumTailRequests} beyond it), {enough} of {comparison.Rounds.Count} rounds had them (the shortest run had {fewest}); at least {comparison.Options.MinimumRounds} are needed");
    }

    /// <summary>The controls that did not read Same, by schedule: the verdicts of those schedules are void.</summary>
    public static IReadOnlyDictionary<ABSchedule, ABReport> FailedControls(IEnumerable<ABReport> comparisons) =>
        comparisons.Where(c => IsControl(c) && Overall(c.Comparison) != Verdict.Same)
            .GroupBy(c => c.Comparison.Options.Schedule)
            .ToDictionary(g => g.Key, g => g.First());
}
