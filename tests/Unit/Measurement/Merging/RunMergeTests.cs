using PerfTesting.Measurement;
using PerfTesting.Measurement.Merging;

namespace Tests.Unit.Measurement.Merging;

public sealed class RunMergeTests
{
    [Fact]
    public void Totals_AddEveryField()
    {
        var sum = RunMerge.Totals([new RunTotals(10, 7, 2, 1, 3, 100), new RunTotals(5, 5, 0, 0, 1, 50)]);

        Assert.Equal(new RunTotals(15, 12, 2, 1, 4, 150), sum);
    }

    [Fact]
    public void ErrorsByKind_SumPerKindInOrdinalOrder()
    {
        var sum = RunMerge.ErrorsByKind([
            new Dictionary<string, long> { ["timeout"] = 2, ["status 503"] = 1 },
            new Dictionary<string, long> { ["timeout"] = 3 },
        ]);

        Assert.Equal([("status 503", 1L), ("timeout", 5L)], sum.Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void Instruments_AddPerInstrumentAndPerTagCombination_AndAPartThatMeasuredNothingDoesNotSetTheRange()
    {
        static InstrumentBreakdown Op(string operation, long count, double sum, double min, double max) =>
            new(new Dictionary<string, string> { ["operation"] = operation, ["origin"] = "request" }, count, sum, min, max, 2, 3, 4);
        var a = new InstrumentSummary("m", "db.duration", "ms", "Histogram", 3, 9, 2, 4, 3, 4) { ByTag = [Op("GetItem", 2, 5, 2, 3), Op("PutItem", 1, 4, 4, 4)] };
        var b = new InstrumentSummary("m", "db.duration", "ms", "Histogram", 1, 6, 6, 6, 6, 6) { ByTag = [Op("GetItem", 1, 6, 6, 6)] };
        var idle = new InstrumentSummary("m", "db.duration", "ms", "Histogram", 0, 0, 0, 0, null, null);

        var merged = Assert.Single(RunMerge.Instruments([a, b, idle]));

        Assert.Equal((4L, 15.0, 2.0, 6.0), (merged.Count, merged.Sum, merged.Min, merged.Max));
        Assert.Null(merged.P99);
        Assert.Equal([("GetItem", 3L, 11.0, 2.0, 6.0, (double?)null), ("PutItem", 1L, 4.0, 4.0, 4.0, 4.0)],
            merged.ByTag.Select(t => (t.Tags["operation"], t.Count, t.Sum, t.Min, t.Max, t.P99)));
    }

    [Fact]
    public void Series_PartsLandOnTheirOffsetAndPercentilesComeFromTheAddedHistograms()
    {
        // Part a: 100 requests at 1 ms in its second 1; part b (started a second later): 100 at 9 ms in its second 0.
        var a = Second(1, 100, 1_000);
        var b = Second(0, 100, 9_000);

        var merged = RunMerge.Series([([a], 0), ([b], 1)], HistogramCodec.Decode, keepHistograms: true);

        var only = Assert.Single(merged);
        Assert.Equal((1, 200L), (only.Second, only.Requests));
        Assert.Equal(9, only.P99Ms, 0.01);
        Assert.Equal(200, HistogramCodec.Decode(only.Histogram!).TotalCount);
    }

    [Fact]
    public void Series_APartWithoutItsHistogram_GivesTheLargestPercentileAsAnUpperBound()
    {
        var kept = Second(0, 100, 1_000);
        var bare = Second(0, 100, 5_000) with { Histogram = null };

        var merged = Assert.Single(RunMerge.Series([([kept], 0), ([bare], 0)], HistogramCodec.Decode, keepHistograms: true));

        Assert.Equal(5, merged.P99Ms, 0.01);
        Assert.Null(merged.Histogram);
    }

    private static SecondStats Second(int second, int requests, long micros)
    {
        var histogram = LatencyHistograms.Create();
        histogram.RecordValueWithCount(micros, requests);
        return new SecondStats(second, requests, 0, 0, LatencyStats.Percentile(histogram, 50), LatencyStats.Percentile(histogram, 99), HistogramCodec.Encode(histogram));
    }
}
