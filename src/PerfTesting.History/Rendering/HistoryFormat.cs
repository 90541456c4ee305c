using System.Globalization;
using PerfTesting.History.Analysis;
using PerfTesting.History.Records;

namespace PerfTesting.History.Rendering;

/// <summary>Number and change formatting shared by the text, Markdown and HTML outputs (invariant culture).</summary>
internal static class HistoryFormat
{
    public static string Value(HistoryMetric metric, double value) => metric switch
    {
        HistoryMetric.ErrorRate => (value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%",
        HistoryMetric.Throughput => value.ToString("0.#", CultureInfo.InvariantCulture) + " req/s",
        _ => value.ToString("0.###", CultureInfo.InvariantCulture) + " ms",
    };

    public static string Change(HistoryMetric metric, double change) => metric == HistoryMetric.ErrorRate
        ? (change * 100).ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture) + " pp"
        : (change * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    public static string Estimate(HistoryMetric metric, SegmentEstimate estimate) =>
        $"{Value(metric, estimate.Mean)} [{Value(metric, estimate.Lower)}, {Value(metric, estimate.Upper)}] over {estimate.Runs} runs";

    public static string ShortCommit(string commit) => commit.Length > 10 ? commit[..10] : commit;

    public static string Verdict(ChangePoint point) => point.IsRegression ? "regression" : "improvement";

    public static string Line(SeriesAnalysis series, ChangePoint point) =>
        $"{series.Scenario} {series.Metric}: {Verdict(point)} {Change(series.Metric, point.Change)} at {ShortCommit(point.Commit)} " +
        $"(run {point.Position + 1} of {series.Points.Count}; the newest {point.RunsSince} runs are at the new level), before {Estimate(series.Metric, point.Before)}, " +
        $"after {Estimate(series.Metric, point.After)}, p={point.PValue.ToString("G3", CultureInfo.InvariantCulture)}";
}
