using HdrHistogram;
using PerfTesting.Distribution.Fit;
using PerfTesting.Measurement;
using PerfTesting.Measurement.Merging;

namespace PerfTesting.Distribution;

/// <summary>
/// Merges the agents' results of one distributed test into one result per run, losslessly: latency
/// histograms are added bucket by bucket (same shape everywhere, checked), totals and error counts are
/// summed, and per-second series are aligned on wall-clock seconds. Refuses results of different
/// tests, of different histogram shapes or with overlapping segments, and reports missing segments
/// instead of passing a partial run off as the whole.
/// </summary>
public static class ResultMerger
{
    /// <summary>Merges the agents' results.</summary>
    /// <param name="agents">One result per agent.</param>
    /// <param name="allowPartial">Merge even when segments are missing (the result says which).</param>
    /// <param name="checks">How the parts must fit (<see cref="PartsFit"/>); <see cref="MergeChecks.Default"/> when null.</param>
    /// <returns>The merged test.</returns>
    /// <exception cref="ResultMergeException">The results cannot be merged; the message says why.</exception>
    public static MergedResult Merge(IReadOnlyList<AgentResult> agents, bool allowPartial = false, MergeChecks? checks = null)
    {
        ArgumentNullException.ThrowIfNull(agents);
        if (agents.Count == 0)
        {
            throw new ResultMergeException("There are no agent results to merge.");
        }

        var tests = agents.Select(a => a.TestId).Distinct(StringComparer.Ordinal).ToList();
        if (tests.Count > 1)
        {
            throw new ResultMergeException($"The results belong to different tests ({string.Join(", ", tests)}); merge one test's agents at a time.");
        }

        var shape = agents[0].Histogram;
        foreach (var agent in agents.Where(a => a.Histogram != shape))
        {
            throw new ResultMergeException(
                $"Agent {agent.AgentIndex} recorded with histogram {agent.Histogram}, agent {agents[0].AgentIndex} with {shape}: histograms of different shapes cannot be added without loss.");
        }

        var ordered = Segmented(agents);
        var missing = Missing(ordered);
        if (missing.Count > 0 && !allowPartial)
        {
            throw new ResultMergeException(
                $"No result for segment(s) {string.Join(", ", missing)} of test {tests[0]}: an agent failed or its result was not collected. " +
                "Refusing to report a partial run as the whole; rerun the missing agents, or merge with allowPartial (--allow-partial) to report it as partial.");
        }

        var names = ordered[0].Agent.Runs.Select(r => r.Name).ToList();
        foreach (var (agent, _) in ordered.Where(a => !a.Agent.Runs.Select(r => r.Name).SequenceEqual(names, StringComparer.Ordinal)))
        {
            throw new ResultMergeException(
                $"Agent {agent.AgentIndex} ran [{string.Join(", ", agent.Runs.Select(r => r.Name))}], agent {ordered[0].Agent.AgentIndex} ran [{string.Join(", ", names)}]: the agents did not run the same test.");
        }

        var fit = PartsFit.Check(agents, checks);
        if (fit.FirstOrDefault(f => f.Severity == MergeFindingSeverity.Refusal) is { } misfit)
        {
            throw new ResultMergeException(misfit.ToString() + " (merge anyway with --merge-misfits: the reason then heads the report)");
        }

        var runs = names.Select(name => new MergedRun(
            MergeRun([.. ordered.Select(a => a.Agent.Runs.First(r => r.Name == name))], shape),
            [.. ordered.Select(a => new AgentRun(a.Agent.AgentIndex, a.Segment.ToString(), a.Agent.Runs.First(r => r.Name == name)))])).ToList();
        return new MergedResult(tests[0], agents.Count, runs, missing) { Findings = fit };
    }

    /// <summary>Merges one run's parts (one per agent) into the whole run.</summary>
    /// <param name="parts">The agents' results of the same run.</param>
    /// <param name="shape">The histogram shape they all recorded with.</param>
    public static RunResult MergeRun(IReadOnlyList<RunResult> parts, HistogramConfiguration shape)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(shape);
        if (parts.Count == 0)
        {
            throw new ResultMergeException("A run needs at least one part to merge.");
        }

        var start = parts.Min(p => p.Environment.StartedAt);
        var end = parts.Max(p => p.Environment.EndedAt);
        var whole = Add(parts.Select(p => p.LatencyHistogram), shape);
        var first = parts[0];
        return new RunResult(
            first.Name,
            first.Profile,
            new RunEnvironment(
                $"{parts.Count} agents: {string.Join(", ", parts.Select(p => p.Environment.Machine).Distinct(StringComparer.Ordinal))}",
                first.Environment.Os,
                first.Environment.Runtime,
                parts.Sum(p => p.Environment.Cores),
                start,
                end),
            end - start,
            Sum(parts.Select(p => p.Totals)),
            LatencyStats.From(whole),
            Series(parts, start, shape),
            SumCounts(parts.Select(p => p.ErrorsByKind)),
            Scenarios(parts, shape),
            RunMerge.Instruments(parts.SelectMany(p => p.WhiteBox)),
            null,
            [.. parts.SelectMany(p => p.RawSamples.Select(s => s with { OffsetMs = s.OffsetMs + (p.Environment.StartedAt - start).TotalMilliseconds }))],
            parts.Sum(p => p.RawSamplesLost),
            HistogramCodec.Encode(whole),
            parts.Any(p => p.Cancelled))
        {
            StartLateness = parts.Max(p => p.StartLateness),
        };
    }

    private static List<(AgentResult Agent, ExecutionSegment Segment)> Segmented(IReadOnlyList<AgentResult> agents)
    {
        var ordered = agents.Select(a =>
        {
            try
            {
                return (Agent: a, Segment: ExecutionSegment.Parse(a.Segment));
            }
            catch (FormatException e)
            {
                throw new ResultMergeException($"Agent {a.AgentIndex}'s segment is unreadable: {e.Message}", e);
            }
        }).OrderBy(a => a.Segment.From).ThenBy(a => a.Segment.To).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (previous, current) = (ordered[i - 1], ordered[i]);
            if (previous.Segment.Overlaps(current.Segment))
            {
                throw new ResultMergeException(
                    $"Agent {previous.Agent.AgentIndex} (segment {previous.Segment}) and agent {current.Agent.AgentIndex} (segment {current.Segment}) overlap: " +
                    "the same load would be counted twice. Each agent needs its own segment (a different agent index), and each result must be collected once.");
            }
        }

        return ordered;
    }

    private static List<ExecutionSegment> Missing(List<(AgentResult Agent, ExecutionSegment Segment)> ordered)
    {
        var missing = new List<ExecutionSegment>();
        var covered = Fraction.Zero;
        foreach (var (_, segment) in ordered)
        {
            if (segment.From > covered)
            {
                missing.Add(new ExecutionSegment(covered, segment.From));
            }

            covered = segment.To;
        }

        if (covered < Fraction.One)
        {
            missing.Add(new ExecutionSegment(covered, Fraction.One));
        }

        return missing;
    }

    private static LongHistogram Add(IEnumerable<string> encoded, HistogramConfiguration shape)
    {
        var library = HistogramConfiguration.Of(LatencyHistograms.Create());
        if (library != shape)
        {
            throw new ResultMergeException($"The results were recorded with histogram {shape}; this version of the library records with {library}.");
        }

        return RunMerge.Histograms(encoded.Select(text => Decode(text, shape)));
    }

    private static HistogramBase Decode(string text, HistogramConfiguration shape)
    {
        var histogram = HistogramCodec.Decode(text);
        return HistogramConfiguration.Of(histogram) == shape
            ? histogram
            : throw new ResultMergeException($"A histogram has shape {HistogramConfiguration.Of(histogram)}, not the declared {shape}.");
    }

    private static RunTotals Sum(IEnumerable<RunTotals> totals) => RunMerge.Totals(totals);

    private static SortedDictionary<string, long> SumCounts(IEnumerable<IReadOnlyDictionary<string, long>> counts) => RunMerge.ErrorsByKind(counts);

    private static List<ScenarioResult> Scenarios(IReadOnlyList<RunResult> parts, HistogramConfiguration shape) =>
        [.. parts.SelectMany(p => p.Scenarios).GroupBy(s => s.Name, StringComparer.Ordinal).Select(g =>
        {
            var histogram = Add(g.Select(s => s.LatencyHistogram), shape);
            return new ScenarioResult(g.Key, Sum(g.Select(s => s.Totals)), LatencyStats.From(histogram), SumCounts(g.Select(s => s.ErrorsByKind)), HistogramCodec.Encode(histogram));
        })];

    /// <summary>
    /// Per-second points of all agents on one wall-clock axis: an agent's second s covers
    /// [its start + s, its start + s + 1), so it lands on the merged second nearest to that offset
    /// from the earliest start (agents sharing a start time are milliseconds apart).
    /// </summary>
    private static List<SecondStats> Series(IReadOnlyList<RunResult> parts, DateTimeOffset start, HistogramConfiguration shape)
    {
        return RunMerge.Series(
            parts.Select(p => (p.Series, (int)Math.Round((p.Environment.StartedAt - start).TotalSeconds))),
            text => Decode(text, shape),
            keepHistograms: true);
    }
}
