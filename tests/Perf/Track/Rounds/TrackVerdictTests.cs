using System.Text;
using PerfTesting.Baselines;
using PerfTesting.Comparison;
using PerfTesting.Reporting.Comparison;
using PerfTesting.Reporting.Model;
using PerfTesting.Metrics;

namespace Tests.Perf.Track.Rounds;

public sealed class TrackVerdictTests
{
    [Fact]
    public void Overall_RunsTooShortForP99_LeavesP99OutAndSaysWhy()
    {
        // 200 requests per run: p50 (10) and p95 (100) are judged, p99 (500) is not.
        var comparison = Comparison("metadata-cache", ABSchedule.Duet, requests: 200, bFactor: 1.0);

        Assert.Equal(Verdict.Inconclusive, comparison.Metric(PerfMetric.P99).Verdict);
        Assert.Equal(Verdict.Inconclusive, comparison.Overall);
        Assert.False(TrackVerdict.Judged(comparison, PerfMetric.P99));
        Assert.True(TrackVerdict.Judged(comparison, PerfMetric.P95));
        Assert.Equal(Verdict.Same, TrackVerdict.Overall(comparison));
        Assert.Equal("not judged: p99 needs 500 requests per run (5 beyond it), 0 of 8 rounds had them (the shortest run had 200); at least 8 are needed", TrackVerdict.NotJudged(comparison, PerfMetric.P99));
    }

    [Fact]
    public void Overall_EnoughRequestsForP99_JudgesEveryMetric()
    {
        var comparison = Comparison("shared-cache-2x", ABSchedule.Interleaved, requests: 2000, bFactor: 0.5);

        Assert.All(Enum.GetValues<PerfMetric>(), m => Assert.True(TrackVerdict.Judged(comparison, m)));
        Assert.Equal(Verdict.Improved, TrackVerdict.Overall(comparison));
    }

    [Fact]
    public void Table_ControlNotSame_VoidsTheVerdictsOfItsScheduleOnly()
    {
        var report = Report(
            Comparison("baseline-s3 duet (control)", ABSchedule.Duet, 200, bFactor: 1.2),
            Comparison("large-buffers", ABSchedule.Duet, 200, bFactor: 0.5),
            Comparison("baseline-s3 interleaved (control)", ABSchedule.Interleaved, 200, bFactor: 1.0),
            Comparison("archive-cache", ABSchedule.Interleaved, 200, bFactor: 0.5));
        var md = new StringBuilder();

        ComparisonSection.Rule(md, report);
        ComparisonSection.Table(md, report, ["baseline-s3 duet (control)", "large-buffers", "baseline-s3 interleaved (control)", "archive-cache"]);
        var text = md.ToString();

        Assert.Single(TrackVerdict.FailedControls(report.Comparisons));
        Assert.Contains("the duet control `baseline-s3 duet (control)` read Regressed, not Same, so the verdicts of the duet comparisons are void: `large-buffers`", text, StringComparison.Ordinal);
        Assert.Contains("**Improved (void: `baseline-s3 duet (control)` read Regressed)** |", text, StringComparison.Ordinal);
        Assert.Contains("| `archive-cache` | interleaved, 8 rounds |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("archive-cache` read", text, StringComparison.Ordinal);
    }

    // Rounds where B's latencies are bFactor times A's (with a little spread so the test has ranks) and its throughput 1/bFactor.
    private static ABComparison Comparison(string name, ABSchedule schedule, long requests, double bFactor)
    {
        var rounds = Enumerable.Range(1, 8).Select(i =>
        {
            var jitter = 1 + (((i % 3) - 1) * 0.002);
            return new ABRound(i, i % 2 == 0 ? ABSide.A : ABSide.B,
                new ABSample(requests, 100, 150, 200, 50, 0),
                new ABSample(requests, 100 * bFactor * jitter, 150 * bFactor * jitter, 200 * bFactor * jitter, 50 / (bFactor * jitter), 0));
        }).ToList();
        var options = new ABOptions { Rounds = 8, Schedule = schedule };
        return new ABComparison(name, 1, options, rounds, ABComparer.Compare(rounds, options), TimeSpan.FromSeconds(10));
    }

    private static PerfReport Report(params ABComparison[] comparisons) =>
        new("track", DateTimeOffset.UnixEpoch, new EnvironmentFingerprint("cpu", 2, "os", "rt", null), [], [])
        {
            Comparisons = [.. comparisons.Select(c => new ABReport(c.Name, DateTimeOffset.UnixEpoch, "cpu", new ABSideInfo("a", null, "A"), new ABSideInfo("b", null, "B"), "load", c, ["why"]))],
        };
}
