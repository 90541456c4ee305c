using System.Globalization;
using PerfTesting.Measurement;

namespace PerfTesting.Analysis;

/// <summary>
/// Share of request time per component: compares each component's mean duration with the mean
/// request duration the service measured itself (or the client saw, when the service did not). A
/// component that takes most of the time is where optimisation pays; the finding says how much.
/// </summary>
public sealed class ComponentShareAnalyser : IRunAnalyser
{
    private readonly IReadOnlyList<ComponentInstrument> _components;
    private readonly string _requestInstrument;
    private readonly double _warnShare;

    /// <summary>Creates the analyser.</summary>
    /// <param name="components">The components to weigh.</param>
    /// <param name="requestInstrument">The service's request-duration histogram (ASP.NET Core: http.server.request.duration).</param>
    /// <param name="warnShare">The share above which a component is reported as the bottleneck (default 0.5).</param>
    public ComponentShareAnalyser(IReadOnlyList<ComponentInstrument> components, string requestInstrument = "http.server.request.duration", double warnShare = 0.5)
    {
        _components = components ?? throw new ArgumentNullException(nameof(components));
        _requestInstrument = requestInstrument;
        _warnShare = warnShare is > 0 and <= 1 ? warnShare : throw new ArgumentOutOfRangeException(nameof(warnShare));
    }

    /// <inheritdoc />
    public string Name => "component share";

    /// <inheritdoc />
    public IEnumerable<Finding> Analyse(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Run is { } run ? Analyse(run) : [];
    }

    private IEnumerable<Finding> Analyse(RunResult run)
    {
        var request = InstrumentUnits.Find(run, _requestInstrument);
        var (requestMs, requestSource) = request is { Count: > 0 }
            ? (InstrumentUnits.ToMs(request, request.Mean), $"{_requestInstrument} (server side)")
            : (run.Latency.Mean, "client-side latency");
        if (requestMs <= 0)
        {
            yield break;
        }

        foreach (var component in _components)
        {
            if (InstrumentUnits.Find(run, component.Instrument) is not { Count: > 0 } measured)
            {
                continue;
            }

            var componentMs = InstrumentUnits.ToMs(measured, measured.Mean);
            // A component may run less than once per request (a cache hit skips a lookup). More than once
            // is not counted: with long requests the window's edges skew the counts (ASP.NET Core records
            // a request only if it started inside the window, a component when it ends inside it), so the
            // share is taken per call, at most one call per request.
            var measuredPerRequest = request is { Count: > 0 } ? (double)measured.Count / request.Count : 1;
            var perRequest = Math.Min(1, measuredPerRequest);
            var share = Math.Min(1, componentMs * perRequest / requestMs);
            var evidence = new[]
            {
                Text($"{component.Instrument}: mean {componentMs:0.###} ms over {measured.Count} measurements, p99 {(measured.P99 is { } p99 ? InstrumentUnits.ToMs(measured, p99) : double.NaN):0.###} ms"),
                Text($"{requestSource}: mean {requestMs:0.###} ms"),
                Text($"{measuredPerRequest:0.##} {component.Component} measurements per request measurement (counted as {perRequest:0.##}) -> {share * 100:0.#}% of request time"),
            };
            if (share >= _warnShare)
            {
                yield return new Finding(Name, Severity.Warning, Text($"{component.Component} takes {share * 100:0}% of request time: the bottleneck of this run"), evidence, share);
            }
            else if (share >= 0.1)
            {
                yield return new Finding(Name, Severity.Hint, Text($"{component.Component} takes {share * 100:0}% of request time"), evidence, share);
            }
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
