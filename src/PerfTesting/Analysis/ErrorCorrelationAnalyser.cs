using System.Globalization;
using PerfTesting.Measurement;

namespace PerfTesting.Analysis;

/// <summary>
/// Errors correlated with a component: when requests failed, compares the client's failures (by kind)
/// with each component's own error counter to say where they came from. A counter listed by several
/// components is blamed on those of them that were measured in the run, never on the first listed:
/// give each component its own counter, or its own tag value on a shared counter
/// (<see cref="ComponentInstrument.ErrorTag"/>), for an exact attribution.
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
        // Attributed per error counter, not per component: components that share a counter (a service
        // with one counter for every backing store) cannot be told apart by it, so the counter is blamed
        // on the ones measured in this run (naming them all when that still leaves several), never on
        // whichever happened to be listed first.
        var attributed = _components
            .Where(c => c.ErrorCounter is not null)
            .GroupBy(c => (Counter: c.ErrorCounter!, c.ErrorTag))
            .Select(counter => (Counter: Label(counter.Key.Counter, counter.Key.ErrorTag), Sharing: counter.ToList(), Errors: Errors(run, counter.Key.Counter, counter.Key.ErrorTag)))
            .Where(c => c.Errors > 0)
            .Select(c => (Component: Blamed(run, c.Sharing), c.Counter, c.Sharing, c.Errors))
            .OrderByDescending(c => c.Errors)
            .ToList();
        foreach (var (component, counter, sharing, errors) in attributed)
        {
            evidence.Add(Text($"{component} error counter ({counter}): {errors}"));
            if (sharing.Count > 1)
            {
                evidence.Add(Text($"{counter} is one counter for {Names(sharing, "and")}; it cannot say which of them failed, so it is named for the ones measured in this run"));
            }
        }

        var title = attributed.Count > 0
            ? Text($"{run.ErrorRate * 100:0.##}% of requests failed; {attributed[0].Component} reported {attributed[0].Errors} errors, {Math.Min(100, 100.0 * attributed[0].Errors / run.Totals.Failed):0}% of the failures")
            : Text($"{run.ErrorRate * 100:0.##}% of requests failed; no component counted errors, so they arose before or after the service's components (connection, timeout, client)");
        yield return new Finding(Name, run.ErrorRate >= 0.01 ? Severity.Error : Severity.Warning, title, evidence, Math.Min(1, run.ErrorRate * 10));
    }

    // A component's failures: the whole counter, or the measurements tagged with its value.
    private static long Errors(RunResult run, string counter, ComponentTag? tag) => InstrumentUnits.Find(run, counter) is not { } summary
        ? 0
        : (long)(tag is { } t ? summary.SumWhere(t.Key, t.Value) : summary.Sum);

    private static string Label(string counter, ComponentTag? tag) => tag is { } t ? $"{counter} where {t}" : counter;

    // The components sharing one counter that did any work in the run (their timing instrument has
    // measurements); all of them when none did.
    private static string Blamed(RunResult run, IReadOnlyList<ComponentInstrument> sharing)
    {
        var measured = sharing.Where(c => InstrumentUnits.Find(run, c.Instrument) is { Count: > 0 }).ToList();
        return Names(measured.Count > 0 ? measured : sharing, "or");
    }

    private static string Names(IReadOnlyList<ComponentInstrument> components, string conjunction) => components.Count == 1
        ? components[0].Component
        : string.Join(", ", components.Take(components.Count - 1).Select(c => c.Component)) + " " + conjunction + " " + components[^1].Component;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
