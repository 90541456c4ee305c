using PerfTesting.Measurement;

namespace Tests.Unit;

/// <summary>Run results built from given figures, for logic that reads a <see cref="RunResult"/> (no load is run).</summary>
internal static class TestRuns
{
    /// <summary>A run with the given accounting whose every completed request took <paramref name="latencyMs"/>.</summary>
    public static RunResult Result(long succeeded, long failed, double latencyMs = 10, double durationSeconds = 10, long dropped = 0, string name = "run")
    {
        var histogram = LatencyHistograms.Create();
        if (succeeded + failed > 0)
        {
            histogram.RecordValueWithCount((long)(latencyMs * 1000), succeeded + failed);
        }

        var started = DateTimeOffset.UnixEpoch;
        return new RunResult(
            name, "test run", new RunEnvironment("host", "os", ".NET", 2, started, started.AddSeconds(durationSeconds)),
            TimeSpan.FromSeconds(durationSeconds), new RunTotals(succeeded + failed, succeeded, failed, 0, dropped, 0),
            LatencyStats.From(histogram), [], new Dictionary<string, long>(), [], [], null, [], 0, HistogramCodec.Encode(histogram), false);
    }
}
