using System.Globalization;
using PerfTesting.Measurement;

namespace PerfTesting.Analysis;

/// <summary>
/// Variance: a p99 far above the median means some requests wait (queueing, GC, a slow dependency).
/// When a component's own p99/p50 ratio is as wide as the request's, that component carries the tail.
/// </summary>
public sealed class TailLatencyAnalyser : IRunAnalyser
{
    private readonly IReadOnlyList<ComponentInstrument> _components;
    private readonly double _ratio;

    /// <summary>Creates the analyser.</summary>
    /// <param name="components">Components whose tails are compared with the request's.</param>
    /// <param name="ratio">The p99/p50 ratio that counts as a heavy tail (default 3).</param>
    public TailLatencyAnalyser(IReadOnlyList<ComponentInstrument> components, double ratio = 3)
    {
        _components = components ?? throw new ArgumentNullException(nameof(components));
        _ratio = ratio > 1 ? ratio : throw new ArgumentOutOfRangeException(nameof(ratio));
    }

    /// <inheritdoc />
    public string Name => "tail latency";

    /// <inheritdoc />
    public IEnumerable<Finding> Analyse(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Run is { } run ? Analyse(run) : [];
    }

    private IEnumerable<Finding> Analyse(RunResult run)
    {
        if (run.Latency.P50 <= 0 || run.Latency.P99 / run.Latency.P50 < _ratio)
        {
            yield break;
        }

        var evidence = new List<string>
        {
            Text($"client p50 {run.Latency.P50:0.###} ms, p99 {run.Latency.P99:0.###} ms: p99/p50 = {run.Latency.P99 / run.Latency.P50:0.#}"),
            Text($"client latency standard deviation {run.Latency.StdDev:0.###} ms around a mean of {run.Latency.Mean:0.###} ms"),
        };
        // The culprit is the component whose own spread (p99 - p50, in ms) explains most of the client's
        // spread: a fast component with a wide ratio (5 ms -> 50 ms) cannot carry a tail of seconds.
        var clientSpread = run.Latency.P99 - run.Latency.P50;
        string? culprit = null;
        var widest = 0.0;
        foreach (var component in _components)
        {
            if (InstrumentUnits.Find(run, component.Instrument) is { Count: > 0, P50: > 0 and var p50, P99: { } p99 } measured)
            {
                var ratio = p99 / p50;
                var spread = InstrumentUnits.ToMs(measured, p99) - InstrumentUnits.ToMs(measured, p50);
                evidence.Add(Text($"{component.Component} ({component.Instrument}): p50 {InstrumentUnits.ToMs(measured, p50):0.###} ms, p99 {InstrumentUnits.ToMs(measured, p99):0.###} ms, p99/p50 = {ratio:0.#}, spread {spread:0.###} ms of the client's {clientSpread:0.###} ms"));
                if (spread > widest)
                {
                    widest = spread;
                    culprit = component.Component;
                }
            }
        }

        var title = culprit is not null && widest >= 0.25 * clientSpread
            ? Text($"Heavy latency tail (p99 is {run.Latency.P99 / run.Latency.P50:0.#}x the median), carried by {culprit}")
            : Text($"Heavy latency tail (p99 is {run.Latency.P99 / run.Latency.P50:0.#}x the median): requests queue rather than one component being slow");
        yield return new Finding(Name, Severity.Warning, title, evidence, Math.Min(1, run.Latency.P99 / run.Latency.P50 / 10));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
