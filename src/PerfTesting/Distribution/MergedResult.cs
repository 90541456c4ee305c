using System.Globalization;
using PerfTesting.Assertions;
using PerfTesting.Baselines;
using PerfTesting.Distribution.Fit;
using PerfTesting.Reporting.Model;

namespace PerfTesting.Distribution;

/// <summary>A distributed test merged: one <see cref="MergedRun"/> per run, and what was missing.</summary>
/// <param name="TestId">The test's id.</param>
/// <param name="AgentCount">How many agents' results were merged.</param>
/// <param name="Runs">The runs, in the order the agents ran them.</param>
/// <param name="MissingSegments">Parts of (0, 1] no agent's result covered (empty for a complete run).</param>
public sealed record MergedResult(string TestId, int AgentCount, IReadOnlyList<MergedRun> Runs, IReadOnlyList<ExecutionSegment> MissingSegments)
{
    /// <summary>How the agents' parts did not fit (<see cref="PartsFit"/>): the report's first lines.</summary>
    public IReadOnlyList<MergeFinding> Findings { get; init; } = [];

    /// <summary>Whether every segment of (0, 1] had a result.</summary>
    public bool IsComplete => MissingSegments.Count == 0;

    /// <summary>Evaluates <paramref name="sla"/> on every merged run (the whole, not an agent's share).</summary>
    /// <param name="sla">The SLA.</param>
    public IReadOnlyList<SlaReport> EvaluateSla(SlaDefinition sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        return [.. Runs.Select(r => SlaEvaluator.Evaluate(r.Merged, sla))];
    }

    /// <summary>
    /// The report: each merged run (with its SLA lines), then every agent's own run for inspection,
    /// named "run.agent-N", with the agents, their segments and late starts in the notes.
    /// </summary>
    /// <param name="title">The report's heading (defaults to the test id).</param>
    /// <param name="sla">SLA reports from <see cref="EvaluateSla"/>, if any.</param>
    /// <param name="time">The clock that dates the report (the system's when null).</param>
    public PerfReport ToReport(string? title = null, IReadOnlyList<SlaReport>? sla = null, TimeProvider? time = null)
    {
        var runs = new List<RunReport>();
        foreach (var run in Runs)
        {
            var description = string.Create(CultureInfo.InvariantCulture, $"{run.Merged.Profile}; merged from {run.Agents.Count} agents");
            runs.Add(RunReports.From(run.Merged, description, sla?.FirstOrDefault(s => s.RunName == run.Merged.Name)));
        }

        foreach (var run in Runs)
        {
            foreach (var agent in run.Agents)
            {
                runs.Add(RunReports.From(
                    agent.Result with { Name = string.Create(CultureInfo.InvariantCulture, $"{agent.Result.Name}.agent-{agent.AgentIndex}") },
                    string.Create(CultureInfo.InvariantCulture, $"agent {agent.AgentIndex} of {AgentCount}, segment {agent.Segment}")));
            }
        }

        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Test {TestId}: {AgentCount} agents merged; latency histograms added bucket by bucket, totals summed, per-second series aligned on wall-clock seconds, SLAs evaluated on the merged runs."),
            "White-box instruments of the merged runs keep counts, sums, minimum and maximum; their percentiles are in each agent's own run.",
        };
        if (!IsComplete)
        {
            notes.Insert(0, "PARTIAL RUN: no result for segment(s) " + string.Join(", ", MissingSegments) + "; the figures cover the other segments only.");
        }

        notes.InsertRange(0, Findings.Select(f => f.ToString()));
        foreach (var agent in Runs.SelectMany(r => r.Agents).Where(a => a.Result.StartLateness > TimeSpan.Zero))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Agent {agent.AgentIndex} started {agent.Result.Name} {agent.Result.StartLateness.TotalSeconds:0.000} s after the shared start."));
        }

        // A misfit heads the report: its first line says what to doubt before any figure is read.
        title ??= TestId;
        if (Findings.Count > 0)
        {
            title = $"{title}: {Findings[0]}";
        }

        return new PerfReport(title, (time ?? TimeProvider.System).GetUtcNow(), EnvironmentFingerprint.Capture(), runs, notes);
    }
}
