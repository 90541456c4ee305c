using System.Globalization;
using PerfTesting.Measurement;

namespace PerfTesting.Distribution.Fit;

/// <summary>
/// Whether the agents' parts make one run: their measured windows overlap, no agent started late
/// beyond the bound, all ran the same build in a like environment. Returns findings instead of
/// throwing (the merge decides what a refusal means), refusals first.
/// </summary>
public static class PartsFit
{
    /// <summary>Checks the agents' parts against each other.</summary>
    /// <param name="agents">One result per agent.</param>
    /// <param name="checks">The bounds; <see cref="MergeChecks.Default"/> when null.</param>
    /// <returns>What does not fit, refusals first; empty when the parts fit.</returns>
    public static IReadOnlyList<MergeFinding> Check(IReadOnlyList<AgentResult> agents, MergeChecks? checks = null)
    {
        ArgumentNullException.ThrowIfNull(agents);
        checks = (checks ?? MergeChecks.Default).Validate();
        var findings = new List<MergeFinding>();
        if (agents.Count > 1)
        {
            foreach (var name in agents.SelectMany(a => a.Runs.Select(r => r.Name)).Distinct(StringComparer.Ordinal))
            {
                var parts = agents.SelectMany(a => a.Runs.Where(r => r.Name == name).Take(1).Select(r => (a.AgentIndex, Run: r))).ToList();
                Windows(name, parts, checks, findings);
            }

            Builds(agents, findings);
            Environments(agents, findings);
        }

        Lateness(agents, checks, findings);
        if (checks.MergeMisfits)
        {
            findings = [.. findings.Select(f => f with { Severity = MergeFindingSeverity.Warning })];
        }

        return [.. findings.OrderByDescending(f => f.Severity)];
    }

    private static void Windows(string name, List<(int Agent, RunResult Run)> parts, MergeChecks checks, List<MergeFinding> findings)
    {
        if (parts.Count < 2)
        {
            return;
        }

        var lastStart = parts.MaxBy(p => p.Run.Environment.StartedAt);
        var firstEnd = parts.MinBy(p => p.Run.Environment.EndedAt);
        var together = firstEnd.Run.Environment.EndedAt - lastStart.Run.Environment.StartedAt;
        if (together <= TimeSpan.Zero)
        {
            // The merged rate divides every agent's requests by the span from the first start to the
            // last end: agents run one after the other report less than either did alone.
            findings.Add(new MergeFinding(MergeFindingSeverity.Refusal, "windows", Text(
                $"agent {lastStart.Agent} started run '{name}' at {Time(lastStart.Run.Environment.StartedAt)}, {Seconds(-together)} s after agent {firstEnd.Agent} had finished it ({Time(firstEnd.Run.Environment.EndedAt)}): the agents ran one after the other, not together, so their sum is no load the target saw. Start every agent with the same {DistributedAgent.StartAtVariable}.")));
            return;
        }

        var longest = parts.Max(p => p.Run.Environment.EndedAt - p.Run.Environment.StartedAt);
        var share = longest > TimeSpan.Zero ? together / longest : 1;
        if (share < checks.MinOverlap)
        {
            findings.Add(new MergeFinding(MergeFindingSeverity.Warning, "windows", Text(
                $"the agents ran run '{name}' together for only {share:P0} of the longest agent's window ({Seconds(together)} of {Seconds(longest)} s; at least {checks.MinOverlap:P0} expected): the merged rate and latencies mix load levels.")));
        }
    }

    private static void Lateness(IReadOnlyList<AgentResult> agents, MergeChecks checks, List<MergeFinding> findings)
    {
        foreach (var agent in agents)
        {
            foreach (var run in agent.Runs.Where(r => r.StartLateness > checks.MaxStartLateness))
            {
                findings.Add(new MergeFinding(MergeFindingSeverity.Warning, "lateness", Text(
                    $"agent {agent.AgentIndex} started run '{run.Name}' {Seconds(run.StartLateness)} s after the shared start (bound {Seconds(checks.MaxStartLateness)} s): its arrivals already due went out at once. Give the agents more time before {DistributedAgent.StartAtVariable}.")));
            }
        }

        if (agents.Count < 2 || agents.Any(a => a.StartAt is not null))
        {
            return;
        }

        // Without a shared start nothing aligns the agents but luck: the spread of their starts says how much.
        foreach (var name in agents.SelectMany(a => a.Runs.Select(r => r.Name)).Distinct(StringComparer.Ordinal))
        {
            var starts = agents.SelectMany(a => a.Runs.Where(r => r.Name == name).Take(1)).Select(r => r.Environment.StartedAt).ToList();
            var spread = starts.Count > 1 ? starts.Max() - starts.Min() : TimeSpan.Zero;
            if (spread > checks.MaxStartLateness)
            {
                findings.Add(new MergeFinding(MergeFindingSeverity.Warning, "lateness", Text(
                    $"the agents had no shared start ({DistributedAgent.StartAtVariable} unset) and started run '{name}' {Seconds(spread)} s apart (bound {Seconds(checks.MaxStartLateness)} s).")));
            }
        }
    }

    private static void Builds(IReadOnlyList<AgentResult> agents, List<MergeFinding> findings)
    {
        var builds = agents.Where(a => a.Build is not null).GroupBy(a => a.Build, StringComparer.Ordinal).ToList();
        if (builds.Count > 1)
        {
            findings.Add(new MergeFinding(MergeFindingSeverity.Refusal, "build", Text(
                $"the agents ran different builds ({string.Join("; ", builds.Select(g => $"agent {Agents(g)}: {g.Key}"))}): parts of different code are not one measurement. Run every agent from the same image.")));
        }

        var commits = agents.Where(a => a.Environment?.Commit is not null).GroupBy(a => a.Environment!.Commit, StringComparer.Ordinal).ToList();
        if (commits.Count > 1)
        {
            findings.Add(new MergeFinding(MergeFindingSeverity.Refusal, "build", Text(
                $"the agents ran different commits ({string.Join("; ", commits.Select(g => $"agent {Agents(g)}: {g.Key}"))}).")));
        }
    }

    private static void Environments(IReadOnlyList<AgentResult> agents, List<MergeFinding> findings)
    {
        var first = agents.FirstOrDefault(a => a.Environment is not null);
        foreach (var agent in agents.Where(a => a.Environment is not null && !ReferenceEquals(a, first)))
        {
            if (first!.Environment!.DifferenceFrom(agent.Environment!) is { } difference)
            {
                findings.Add(new MergeFinding(MergeFindingSeverity.Warning, "environment", Text(
                    $"agent {agent.AgentIndex} ran in a different environment from agent {first.AgentIndex} ({difference}): its latencies may differ for that reason alone.")));
            }
        }
    }

    private static string Agents(IEnumerable<AgentResult> agents) => string.Join(", ", agents.Select(a => a.AgentIndex.ToString(CultureInfo.InvariantCulture)));

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
