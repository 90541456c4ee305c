using PerfTesting.Measurement;

namespace PerfTesting.Distribution;

/// <summary>One agent's own figures for a run, kept beside the merged run for inspection.</summary>
/// <param name="AgentIndex">Zero-based agent index.</param>
/// <param name="Segment">The agent's segment.</param>
/// <param name="Result">What the agent measured, white-box capture and process figures included.</param>
public sealed record AgentRun(int AgentIndex, string Segment, RunResult Result);
