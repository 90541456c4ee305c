using System.Globalization;
using System.Text;
using PerfTesting.Assertions;
using PerfTesting.Baselines;
using PerfTesting.Measurement;
using PerfTesting.Reporting;
using PerfTesting.Xunit.Baselines;
using PerfTesting.Xunit.Load;
using Xunit;

namespace PerfTesting.Xunit.Assertions;

/// <summary>
/// One call after a run: evaluates the SLA, compares with the committed baseline when asked, writes
/// every report (JSON, Markdown, HTML with per-scenario tables, HdrHistogram log; the Markdown also to
/// <c>GITHUB_STEP_SUMMARY</c> when set) whatever the outcome, and only then fails the test when the SLA
/// is broken or the baseline check fails, with the tables and the report's path in the message. In an
/// agent of a distributed run nothing is judged (the run is a part; the merge judges the whole).
/// </summary>
public static class PerfAssert
{
    /// <summary>Checks <paramref name="result"/> and writes its reports; throws <see cref="PerfCheckFailedException"/> on a failure.</summary>
    /// <param name="result">The run.</param>
    /// <param name="sla">Adds requirements to an empty SLA; null checks none.</param>
    /// <param name="options">Baseline check and report folder; <see cref="PerfCheckOptions.Default"/> when null.</param>
    /// <returns>What was found and written, when everything passed.</returns>
    public static async Task<PerfCheck> PassesAsync(RunResult result, Func<Sla, Sla>? sla = null, PerfCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= PerfCheckOptions.Default;
        var cancellationToken = TestContext.Current.CancellationToken;
        var slaReport = sla is null ? null : SlaEvaluator.Evaluate(result, sla(Sla.Define()).Build());
        var runName = BaselineAssert.BaselineName(result.Name);
        var agent = AgentRuns.Current;
        // A part is no baseline and no verdict: the merge step judges the whole.
        var baseline = options.Baseline && agent is null
            ? await BaselineCheck.RunAsync(
                options.BaselineStore ?? BaselineStore.ForTestProject(),
                result.ToBaselineSnapshot(options.BaselineName ?? runName),
                options.Comparison,
                cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;
        var reports = options.ReportFolder is null
            ? null
            : await RunReportFiles.WriteAsync(result, Path.Combine(options.ReportFolder, runName), slaReport, baseline, cancellationToken: cancellationToken).ConfigureAwait(false);
        var check = new PerfCheck(slaReport, baseline, reports);

        var text = new StringBuilder();
        if (slaReport is not null)
        {
            text.Append(slaReport.ToTable());
        }

        if (baseline is not null)
        {
            text.Append(ComparisonTable.Render(baseline));
        }

        if (reports is not null)
        {
            text.Append("Reports: ").AppendLine(reports.Html);
        }

        var message = text.ToString().TrimEnd();
        if (message.Length > 0)
        {
            LiveOutput.WriteLine(message);
        }

        if (agent is not null)
        {
            LiveOutput.WriteLine(AgentRuns.NotJudged(agent, "SLA"));
            return check;
        }

        // The failure's first line says what failed: a missing baseline must not read as the "SLA ...: met" line that precedes it.
        return check.Passed ? check : throw new PerfCheckFailedException(FailureHeadline(result.Name, slaReport, baseline) + System.Environment.NewLine + message);
    }

    /// <summary>One line naming each part of the check that failed, e.g. "'X' failed: no baseline is committed (the SLA was met)".</summary>
    private static string FailureHeadline(string runName, SlaReport? sla, BaselineOutcome? baseline)
    {
        var reasons = new List<string>();
        if (sla is { Passed: false })
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"the SLA is broken ({sla.Lines.Count(l => !l.Passed)} of {sla.Lines.Count} requirements)"));
        }

        if (baseline?.FailureReason is { } reason)
        {
            reasons.Add(reason);
        }

        var context = sla is { Passed: true } ? " (the SLA was met)" : string.Empty;
        return $"Performance check of '{runName}' failed: {string.Join("; ", reasons)}{context}.";
    }
}
