using PerfTesting.Measurement;

namespace PerfTesting.Distribution;

/// <summary>A run of a distributed test: the agents' results merged into one, and each agent's own.</summary>
/// <param name="Merged">The whole run: histograms added bucket by bucket, totals summed, per-second series aligned on wall-clock seconds.</param>
/// <param name="Agents">Each agent's own figures, in segment order.</param>
public sealed record MergedRun(RunResult Merged, IReadOnlyList<AgentRun> Agents);
