using PerfTesting.Baselines;
using PerfTesting.Measurement;

namespace Tests.Unit.Baselines;

public sealed class SnapshotSecondsTests
{
    [Fact]
    public void ToBaselineSnapshot_ASecondWithoutRequests_KeepsEverySecondAsACluster()
    {
        var histogram = LatencyHistograms.Create();
        histogram.RecordValueWithCount(10_000, 50);
        var run = TestRuns.Result(succeeded: 50, failed: 0, durationSeconds: 3) with
        {
            // A cold start: nothing completed in the first second.
            Series = [new SecondStats(0, 0, 0, 0, 0, 0, null), new SecondStats(1, 50, 0, 0, 10, 10, HistogramCodec.Encode(histogram)), new SecondStats(2, 0, 0, 0, 0, 0, null)],
        };

        var snapshot = run.ToBaselineSnapshot();

        Assert.NotNull(snapshot.SecondHistograms);
        Assert.Equal(3, snapshot.SecondHistograms.Count);
        Assert.Equal(50, snapshot.SecondHistograms.Sum(h => HistogramCodec.Decode(h).TotalCount));
    }
}
