using System.Globalization;
using PerfTesting.History.Analysis;
using PerfTesting.Metrics;

namespace PerfTesting.History.Rendering;

/// <summary>The history's sentences and estimates, on the engine's one metric formatter (<see cref="PerfMetrics"/>; invariant culture).</summary>
internal static class HistoryFormat
{
    public static string Estimate(PerfMetric metric, SegmentEstimate estimate) =>
        $"{metric.Value(estimate.Mean)} [{metric.Value(estimate.Lower)}, {metric.Value(estimate.Upper)}] over {estimate.Runs} runs";

    public static string ShortCommit(string commit) => commit.Length > 10 ? commit[..10] : commit;

    public static string Verdict(ChangePoint point) => point.IsRegression ? "regression" : "improvement";

    public static string Line(SeriesAnalysis series, ChangePoint point) =>
        $"{series.Scenario} {series.Metric}: {Verdict(point)} {series.Metric.Change(point.Change)} at {ShortCommit(point.Commit)} " +
        $"(run {point.Position + 1} of {series.Points.Count}; the newest {point.RunsSince} runs are at the new level), before {Estimate(series.Metric, point.Before)}, " +
        $"after {Estimate(series.Metric, point.After)}, p={point.PValue.ToString("G3", CultureInfo.InvariantCulture)}";
}
