using HdrHistogram;

namespace PerfTesting.Measurement.Merging;

/// <summary>
/// The one rule for adding measurements of parts into a whole, used wherever parts are merged: the
/// scenarios of a local run, the concurrently loaded parts of one run, and the agents of a distributed
/// run. Totals and error counts are summed, histograms added bucket by bucket (lossless), and
/// per-second series added second by second after each part's offset on the shared axis.
/// </summary>
internal static class RunMerge
{
    /// <summary>The sum of the parts' accounting.</summary>
    public static RunTotals Totals(IEnumerable<RunTotals> parts)
    {
        long started = 0, succeeded = 0, failed = 0, cancelled = 0, dropped = 0, bytes = 0;
        foreach (var t in parts)
        {
            started += t.Started;
            succeeded += t.Succeeded;
            failed += t.Failed;
            cancelled += t.Cancelled;
            dropped += t.Dropped;
            bytes += t.Bytes;
        }

        return new RunTotals(started, succeeded, failed, cancelled, dropped, bytes);
    }

    /// <summary>The parts' failures by kind, summed per kind, in ordinal order of the kinds.</summary>
    public static SortedDictionary<string, long> ErrorsByKind(IEnumerable<IReadOnlyDictionary<string, long>> parts)
    {
        var sum = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in parts.SelectMany(p => p))
        {
            sum[kind] = sum.GetValueOrDefault(kind) + count;
        }

        return sum;
    }

    /// <summary>The parts' histograms added into a new one of the library's shape.</summary>
    public static LongHistogram Histograms(IEnumerable<HistogramBase> parts)
    {
        var sum = LatencyHistograms.Create();
        foreach (var part in parts)
        {
            sum.Add(part);
        }

        return sum;
    }

    /// <summary>
    /// Per-second series of parts on one axis: a part's second s lands on second s + its offset. A
    /// merged second's percentiles come from the added histograms when every part that completed
    /// something in it kept its histogram; otherwise the largest part's percentile is an upper bound
    /// and the merged second has no histogram.
    /// </summary>
    /// <param name="parts">Each part's series and its offset in whole seconds.</param>
    /// <param name="decode">Decodes a second's histogram (a caller may check its shape there).</param>
    /// <param name="keepHistograms">Whether merged seconds keep their encoded histogram.</param>
    public static List<SecondStats> Series(IEnumerable<(IReadOnlyList<SecondStats> Series, int Offset)> parts, Func<string, HistogramBase> decode, bool keepHistograms)
    {
        var seconds = new SortedDictionary<int, List<SecondStats>>();
        foreach (var (series, offset) in parts)
        {
            foreach (var point in series)
            {
                if (!seconds.TryGetValue(point.Second + offset, out var points))
                {
                    seconds[point.Second + offset] = points = [];
                }

                points.Add(point);
            }
        }

        return [.. seconds.Select(entry => Second(entry.Key, entry.Value, decode, keepHistograms))];
    }

    /// <summary>
    /// The parts' white-box instruments, one per meter, name, unit and kind: counts and sums added, the
    /// smallest minimum and the largest maximum of the parts that measured something, and percentiles only
    /// from a single part (summaries keep no histogram to add). The tag breakdown merges by the same rule,
    /// per combination of tag values, so a merged run still tells the failures of one component from another's.
    /// </summary>
    public static List<InstrumentSummary> Instruments(IEnumerable<InstrumentSummary> parts) =>
        [.. parts.GroupBy(i => (i.Meter, i.Name, i.Unit, i.Kind)).Select(g =>
        {
            var only = g.Count() == 1 ? g.First() : null;
            var (min, max) = Range(g.Select(i => (i.Count, i.Min, i.Max)));
            return new InstrumentSummary(g.Key.Meter, g.Key.Name, g.Key.Unit, g.Key.Kind, g.Sum(i => i.Count), g.Sum(i => i.Sum), min, max, only?.P50, only?.P99)
            {
                ByTag = Breakdowns(g.SelectMany(i => i.ByTag)),
            };
        })];

    private static List<InstrumentBreakdown> Breakdowns(IEnumerable<InstrumentBreakdown> parts) =>
        [.. parts.GroupBy(b => string.Join('\n', b.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var only = g.Count() == 1 ? g.First() : null;
                var (min, max) = Range(g.Select(b => (b.Count, b.Min, b.Max)));
                return new InstrumentBreakdown(g.First().Tags, g.Sum(b => b.Count), g.Sum(b => b.Sum), min, max, only?.P50, only?.P95, only?.P99);
            })];

    // A part that measured nothing reports 0 for its minimum and maximum: it must not set the range.
    private static (double Min, double Max) Range(IEnumerable<(long Count, double Min, double Max)> parts)
    {
        var measured = parts.Where(p => p.Count > 0).ToList();
        return measured.Count == 0 ? (0, 0) : (measured.Min(p => p.Min), measured.Max(p => p.Max));
    }

    private static SecondStats Second(int second, List<SecondStats> points, Func<string, HistogramBase> decode, bool keepHistograms)
    {
        long requests = points.Sum(p => p.Requests), errors = points.Sum(p => p.Errors), bytes = points.Sum(p => p.Bytes);

        // A second in which a part completed nothing has no histogram: it adds nothing.
        if (points.All(p => p.Histogram is not null || p.Requests == 0))
        {
            var latency = Histograms(points.Where(p => p.Histogram is not null).Select(p => decode(p.Histogram!)));
            return new SecondStats(second, requests, errors, bytes, LatencyStats.Percentile(latency, 50), LatencyStats.Percentile(latency, 99),
                keepHistograms && latency.TotalCount > 0 ? HistogramCodec.Encode(latency) : null);
        }

        // Without every part's histogram the second's percentiles cannot be merged; the largest is an upper bound.
        return new SecondStats(second, requests, errors, bytes, points.Max(p => p.P50Ms), points.Max(p => p.P99Ms), null);
    }
}
