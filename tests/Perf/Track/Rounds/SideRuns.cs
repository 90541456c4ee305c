using System.Collections.Concurrent;
using PerfTesting.Comparison;
using PerfTesting.Measurement;

namespace Tests.Perf.Track.Rounds;

/// <summary>Every run of both sides of one comparison, in the order they ended (duet sides run at once, hence the concurrent queue).</summary>
internal sealed class SideRuns
{
    private readonly ConcurrentQueue<(ABSide Side, RunResult Run)> _runs = new();

    public void Add(ABSide side, RunResult run) => _runs.Enqueue((side, run));

    /// <summary>The last run of <paramref name="side"/>, renamed for the report.</summary>
    public RunResult Last(ABSide side, string name) => _runs.Last(r => r.Side == side).Run with { Name = name };
}
