using PerfTesting.Comparison;
using PerfTesting.Measurement;

namespace PerfTesting.Xunit.Comparison;

/// <summary>What <see cref="PerfTarget.RunAsync(Func{Task{Hosting.LoopbackHost}}, PerfTesting.Load.LoadProfile, Func{Uri, PerfTesting.Load.Scenario}, string?)"/> measured: one run as a plain test, or an A/B comparison under <c>perftest compare</c>.</summary>
/// <param name="Run">The plain test's run; null under <c>perftest compare</c>.</param>
/// <param name="Comparison">The comparison under <c>perftest compare</c>; null in a plain test.</param>
public sealed record PerfTargetResult(RunResult? Run, ABComparison? Comparison)
{
    /// <summary>Failed requests: the run's, or every round's on both sides.</summary>
    public long Failed => Run?.Totals.Failed
        ?? Comparison?.Rounds.Sum(r => (long)Math.Round((r.A.ErrorRate * r.A.Requests) + (r.B.ErrorRate * r.B.Requests))) ?? 0;
}
