using PerfTesting.History.ChangePoints;
using PerfTesting.History.Records;
using PerfTesting.Metrics;

namespace PerfTesting.History.Analysis;

/// <summary>Splits a history into series (scenario x environment x metric; never across environments) and finds their change points.</summary>
/// <param name="options">The detector's settings; null for the defaults.</param>
public sealed class HistoryAnalyzer(EDivisiveOptions? options = null)
{
    private readonly EDivisiveOptions _options = options ?? new EDivisiveOptions();

    /// <summary>Analyses every series.</summary>
    /// <param name="records">The history, in recording order.</param>
    /// <param name="branch">Only runs of this branch, or null for all.</param>
    /// <returns>The analysis.</returns>
    public HistoryAnalysis Analyze(IReadOnlyList<HistoryRecord> records, string? branch = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var detector = new EDivisiveMeans(_options);
        var series = new List<SeriesAnalysis>();
        var groups = records.Where(r => branch is null || r.Branch == branch)
            .GroupBy(r => (r.Scenario, r.Environment.Key))
            .OrderBy(g => g.Key.Scenario, StringComparer.Ordinal).ThenBy(g => g.Min(r => r.Id));
        foreach (var group in groups)
        {
            var runs = group.OrderBy(r => r.Id).ToList();
            foreach (var metric in PerfMetrics.All)
            {
                var points = runs.Select(r => new SeriesPoint(r.Id, r.Commit, r.Branch, r.RecordedAt, r.ValueOf(metric))).ToList();
                series.Add(new SeriesAnalysis(group.Key.Scenario, runs[0].Environment, metric, points, ChangePointsOf(detector, metric, points)));
            }
        }

        var description = $"E-Divisive means with Student's t-test (window {_options.WindowLength}, p <= {_options.MaxPValue.ToString("G", System.Globalization.CultureInfo.InvariantCulture)}, segments of at least {_options.MinimumSegment} runs, lone outliers clipped)";
        return new HistoryAnalysis(HistoryAnalysis.CurrentSchema, description, series);
    }

    private List<ChangePoint> ChangePointsOf(EDivisiveMeans detector, PerfMetric metric, List<SeriesPoint> points)
    {
        var values = points.Select(p => p.Value).ToArray();
        var indexes = detector.Detect(values);
        var clipped = OutlierClipping.Apply(values);
        var result = new List<ChangePoint>();
        for (var i = 0; i < indexes.Count; i++)
        {
            var from = i == 0 ? 0 : indexes[i - 1];
            var to = i == indexes.Count - 1 ? values.Length : indexes[i + 1];
            var before = SegmentSummary.Of(clipped, from, indexes[i]);
            var after = SegmentSummary.Of(clipped, indexes[i], to);
            var change = metric.ChangesAreAbsolute() ? after.Mean - before.Mean : before.Mean == 0 ? 0 : after.Mean / before.Mean - 1;
            var worse = metric.Direction() == MetricDirection.HigherIsWorse ? after.Mean > before.Mean : after.Mean < before.Mean;
            var at = points[indexes[i]];
            result.Add(new ChangePoint(indexes[i], at.RecordId, at.Commit, at.RecordedAt, Estimate(before), Estimate(after), change,
                StudentTTest.PValue(before, after), worse, values.Length - indexes[i]));
        }

        return result;
    }

    private static SegmentEstimate Estimate(SegmentSummary segment)
    {
        var half = segment.Count > 1 ? StudentTTest.Quantile(0.975, segment.Count - 1) * Math.Sqrt(segment.Variance / segment.Count) : 0;
        return new SegmentEstimate(segment.Mean, segment.Mean - half, segment.Mean + half, segment.Count);
    }
}
