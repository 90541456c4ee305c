using System.Globalization;
using PerfTesting.Measurement;

namespace PerfTesting.Analysis;

/// <summary>
/// Errors correlated with a component: when requests failed, compares the client's failures (by kind)
/// with each component's own error counter to say where they came from.
/// </summary>
public sealed class ErrorCorrelationAnalyser : IRunAnalyser
{
    private readonly IReadOnlyList<ComponentInstrument> _components;

    /// <summary>Creates the analyser.</summary>
    /// <param name="components">Components with error counters.</param>
    public ErrorCorrelationAnalyser(IReadOnlyList<ComponentInstrument> components) =>
        _components = components ?? throw new ArgumentNullException(nameof(components));

    /// <inheritdoc />
    public string Name => "error correlation";

    /// <inheritdoc />
    public IEnumerable<Finding> Analyse(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Run is { } run ? Analyse(run) : [];
    }

    private IEnumerable<Finding> Analyse(RunResult run)
    {
        if (run.Totals.Failed == 0)
        {
            yield break;
        }

        var evidence = new List<string> { Text($"{run.Totals.Failed} of {run.Totals.Completed} requests failed ({run.ErrorRate * 100:0.##}%)") };
        evidence.AddRange(run.ErrorsByKind.OrderByDescending(e => e.Value).Select(e => Text($"client saw {e.Key}: {e.Value}")));
        var attributed = _components
            .Where(c => c.ErrorCounter is not null)
            .Select(c => (c.Component, Errors: (long)(InstrumentUnits.Find(run, c.ErrorCounter!)?.Sum ?? 0)))
            .Where(c => c.Errors > 0)
            .OrderByDescending(c => c.Errors)
            .ToList();
        evidence.AddRange(attributed.Select(c => Text($"{c.Component} error counter: {c.Errors}")));
        var title = attributed.Count > 0
            ? Text($"{run.ErrorRate * 100:0.##}% of requests failed; {attributed[0].Component} reported {attributed[0].Errors} errors, {Math.Min(100, 100.0 * attributed[0].Errors / run.Totals.Failed):0}% of the failures")
            : Text($"{run.ErrorRate * 100:0.##}% of requests failed; no component counted errors, so they arose before or after the service's components (connection, timeout, client)");
        yield return new Finding(Name, run.ErrorRate >= 0.01 ? Severity.Error : Severity.Warning, title, evidence, Math.Min(1, run.ErrorRate * 10));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
