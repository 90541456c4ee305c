using PerfTesting.Assertions;
using PerfTesting.Measurement;
using PerfTesting.Xunit.Load;

namespace PerfTesting.Xunit.Assertions;

/// <summary>
/// Fails the current test when a run breaks its SLA, with a table of every line (limit, actual, pass/fail).
/// In an agent of a distributed run the table is shown but does not fail the test: the run is a part,
/// and the SLA is judged on the merged whole by <c>perftest merge --sla</c>.
/// </summary>
public static class SlaAssert
{
    /// <summary>Evaluates <paramref name="sla"/>; writes the table to the test output; throws when any line fails.</summary>
    /// <param name="result">The run.</param>
    /// <param name="sla">The SLA.</param>
    /// <returns>The report, for reports.</returns>
    public static SlaReport Meets(RunResult result, SlaDefinition sla)
    {
        var report = SlaEvaluator.Evaluate(result, sla);
        var table = report.ToTable();
        LiveOutput.WriteLine(table.TrimEnd());
        if (AgentRuns.Current is { } agent)
        {
            // An agent's part is not the whole: the merge step judges the SLA on the merged run.
            LiveOutput.WriteLine(AgentRuns.NotJudged(agent, "SLA"));
            return report;
        }

        return report.Passed ? report : throw new SlaBreachedException(table);
    }

    /// <summary>Builds the SLA with <paramref name="define"/> and checks it.</summary>
    /// <param name="result">The run.</param>
    /// <param name="define">Adds requirements to an empty SLA.</param>
    public static SlaReport Meets(RunResult result, Func<Sla, Sla> define)
    {
        ArgumentNullException.ThrowIfNull(define);
        return Meets(result, define(Sla.Define()).Build());
    }
}
