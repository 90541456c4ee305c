using PerfTesting.Baselines;
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

    /// <summary>
    /// The code the agent ran: the test or tool assembly's name, version and module id (a rebuild of
    /// changed code changes it); null in results written before it was recorded. The merge refuses
    /// parts of different builds.
    /// </summary>
    public string? Build { get; init; }

    /// <summary>Where the agent ran (CPU, cores, OS, runtime, commit); null in older results. The merge warns when agents differ.</summary>
    public EnvironmentFingerprint? Environment { get; init; }

    /// <summary>The result of <paramref name="agent"/>'s runs.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="runs">What it measured.</param>
    public static AgentResult Of(DistributedAgent agent, IReadOnlyList<RunResult> runs) =>
        Of(agent, runs, System.Reflection.Assembly.GetEntryAssembly());

    /// <summary>The result of <paramref name="agent"/>'s runs of the code in <paramref name="code"/>.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="runs">What it measured.</param>
    /// <param name="code">The assembly that holds the test (or the tool); its identity is the build the merge compares.</param>
    public static AgentResult Of(DistributedAgent agent, IReadOnlyList<RunResult> runs, System.Reflection.Assembly? code)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(runs);
        return new AgentResult(agent.TestId, agent.Index, agent.Count, agent.Segment.ToString(), agent.Sequence.ToString(),
            HistogramConfiguration.Current, agent.StartAt, runs)
        {
            Build = code is null ? null : BuildOf(code),
            Environment = EnvironmentFingerprint.Capture(),
        };
    }

    /// <summary>An assembly's identity as a build: name, informational version and module version id.</summary>
    /// <param name="code">The assembly.</param>
    public static string BuildOf(System.Reflection.Assembly code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var name = code.GetName();
        var version = code.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? name.Version?.ToString();
        return $"{name.Name} {version} ({code.ManifestModule.ModuleVersionId:N})";
    }
}
