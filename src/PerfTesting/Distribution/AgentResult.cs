using PerfTesting.Measurement;

namespace PerfTesting.Distribution;

/// <summary>
/// What one agent of a distributed run measured, with what the merge needs to check it belongs:
/// the test, the agent's place, its segment and the histogram shape it recorded with. Written as
/// agent.json (schema <see cref="CurrentSchema"/>) beside the agent's usual report.
/// </summary>
/// <param name="TestId">The test's id.</param>
/// <param name="AgentIndex">Zero-based agent index.</param>
/// <param name="AgentCount">Number of agents.</param>
/// <param name="Segment">The agent's segment, "from:to".</param>
/// <param name="Sequence">All segments, "0,1/4,...,1".</param>
/// <param name="Histogram">The histogram shape every latency was recorded with.</param>
/// <param name="StartAt">The shared start, if there was one.</param>
/// <param name="Runs">The agent's runs (one per load run; a sweep has one per step).</param>
public sealed record AgentResult(
    string TestId,
    int AgentIndex,
    int AgentCount,
    string Segment,
    string Sequence,
    HistogramConfiguration Histogram,
    DateTimeOffset? StartAt,
    IReadOnlyList<RunResult> Runs)
{
    /// <summary>The schema this library writes.</summary>
    public const string CurrentSchema = "perftesting.agent/v1";

    /// <summary>The document's schema.</summary>
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>The result of <paramref name="agent"/>'s runs.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="runs">What it measured.</param>
    public static AgentResult Of(DistributedAgent agent, IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(runs);
        return new AgentResult(agent.TestId, agent.Index, agent.Count, agent.Segment.ToString(), agent.Sequence.ToString(),
            HistogramConfiguration.Current, agent.StartAt, runs);
    }
}
