using PerfTesting.Measurement;

namespace PerfTesting.Analysis;

/// <summary>
/// What analysers look at, built from measured results (never from report DTOs): one run, runs of one
/// workload to compare, a concurrency sweep's runs, and memory samples of a soak. Each analyser uses the part it understands and returns
/// nothing when that part is absent, so one set of analysers serves every kind of input.
/// </summary>
public sealed record AnalysisInput
{
    /// <summary>The run to analyse, if any.</summary>
    public RunResult? Run { get; init; }

    /// <summary>Runs of the same workload in different configurations, to compare (empty when none).</summary>
    public IReadOnlyList<RunResult> Runs { get; init; } = [];

    /// <summary>A concurrency sweep's steps in increasing client order (empty when none).</summary>
    public IReadOnlyList<SweepPoint> Sweep { get; init; } = [];

    /// <summary>Memory samples taken during a run (empty when none).</summary>
    public IReadOnlyList<MemorySample> Memory { get; init; } = [];

    /// <summary>The input for one run.</summary>
    /// <param name="run">The run.</param>
    public static AnalysisInput ForRun(RunResult run) =>
        new() { Run = run ?? throw new ArgumentNullException(nameof(run)) };

    /// <summary>The input for runs of one workload in different configurations.</summary>
    /// <param name="runs">The runs.</param>
    public static AnalysisInput ForRuns(IEnumerable<RunResult> runs) =>
        new() { Runs = [.. runs ?? throw new ArgumentNullException(nameof(runs))] };

    /// <summary>The input for a concurrency sweep.</summary>
    /// <param name="steps">Each step's client count and run, in increasing client order.</param>
    public static AnalysisInput ForSweep(IEnumerable<SweepPoint> steps) =>
        new() { Sweep = [.. steps ?? throw new ArgumentNullException(nameof(steps))] };

    /// <summary>The input for a soak's memory samples.</summary>
    /// <param name="samples">The samples, in time order.</param>
    public static AnalysisInput ForMemory(IReadOnlyList<MemorySample> samples) =>
        new() { Memory = samples ?? throw new ArgumentNullException(nameof(samples)) };
}
