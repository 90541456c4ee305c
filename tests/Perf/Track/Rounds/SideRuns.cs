using System.Collections.Concurrent;
using PerfTesting.Comparison;
using PerfTesting.Measurement;

namespace Tests.Perf.Track.Rounds;

/// <summary>Every run of both sides of one comparison, in the order they ended (duet sides run at once, hence the concurrent queue).</summary>
internal sealed class SideRuns
{
    private readonly ConcurrentQueue<(ABSide Side, RunResult Run)> _runs = new();

    public void Add(ABSide side, RunResult run) => _runs.Enqueue((side, run));

    /// <summary>Failures of <paramref name="side"/> over every run (priming included), by kind: the rounds keep only the rate.</summary>
    public IReadOnlyDictionary<string, long> ErrorsByKind(ABSide side) => _runs.Where(r => r.Side == side)
        .SelectMany(r => r.Run.ErrorsByKind)
        .GroupBy(e => e.Key)
        .ToDictionary(g => g.Key, g => g.Sum(e => e.Value));

    /// <summary>The last run of <paramref name="side"/>, renamed for the report.</summary>
    public RunResult Last(ABSide side, string name) => _runs.Last(r => r.Side == side).Run with { Name = name };
}
