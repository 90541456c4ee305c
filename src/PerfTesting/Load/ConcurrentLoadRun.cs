using HdrHistogram;
using PerfTesting.Measurement;

namespace PerfTesting.Load;

/// <summary>
/// A run whose scenarios carry their own load profiles: one <see cref="LoadRun"/> per profile, all started
/// from one origin on one clock (so their measured windows begin together and their per-second series
/// line up), merged into one <see cref="RunResult"/>: totals and histograms added, seconds aligned,
/// scenarios side by side. The service's instruments and this process's resources are captured once,
/// over the longest part's window.
/// </summary>
internal sealed class ConcurrentLoadRun
{
    private readonly IReadOnlyList<LoadGroup> _groups;
    private readonly LoadRunnerOptions _options;

    public ConcurrentLoadRun(IReadOnlyList<LoadGroup> groups, LoadRunnerOptions options)
    {
        if (groups.Select(g => g.Profile.WarmUp).Distinct().Count() > 1)
        {
            throw new ArgumentException(
                "Scenarios with their own load must share one warm-up, so that the run's measured window starts once: "
                + string.Join(", ", groups.Select(g => $"{g.Label} {g.Profile.WarmUp.TotalSeconds:0.###} s")), nameof(groups));
        }

        _groups = groups;
        _options = options;
    }

    public async Task<RunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var time = _options.Time;
        var origin = time.GetTimestamp();
        var capturing = Enumerable.Range(0, _groups.Count).MaxBy(i => NominalLength(_groups[i].Profile));
        var rawShare = _options.RawSampleCapacity == 0 ? 0 : (_options.RawSampleCapacity + _groups.Count - 1) / _groups.Count;
        var runs = _groups.Select((group, i) => new LoadRun(group.Profile, group.Scenarios, _options with
        {
            Meters = i == capturing ? _options.Meters : [],
            CaptureProcess = i == capturing && _options.CaptureProcess,
            KeepSecondHistograms = true, // needed to merge the seconds' percentiles exactly
            RawSampleCapacity = rawShare,
            Observer = _options.Observer is null ? null : new LabelledObserver(group.Label, _options.Observer),
        }, origin)).ToList();
        var results = await Task.WhenAll(runs.Select(r => r.ExecuteAsync(cancellationToken))).ConfigureAwait(false);
        return Merge(results, results[capturing]);
    }

    private static TimeSpan NominalLength(LoadProfile profile) => profile switch
    {
        ClosedLoadProfile { IterationsPerClient: null, TotalIterations: null } closed => closed.Duration,
        OpenLoadProfile open => open.Duration,
        _ => profile.TimeLimit,
    };

    private RunResult Merge(IReadOnlyList<RunResult> parts, RunResult capturing)
    {
        var whole = LatencyHistograms.Create();
        foreach (var part in parts)
        {
            whole.Add(part.DecodeHistogram());
        }

        var totals = parts.Select(p => p.Totals).Aggregate((a, b) => new RunTotals(
            a.Started + b.Started, a.Succeeded + b.Succeeded, a.Failed + b.Failed, a.Cancelled + b.Cancelled, a.Dropped + b.Dropped, a.Bytes + b.Bytes));
        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in parts.SelectMany(p => p.ErrorsByKind))
        {
            errors[kind] = errors.GetValueOrDefault(kind) + count;
        }

        var raw = new List<RawSample>();
        var scenarioOffset = 0;
        foreach (var part in parts)
        {
            raw.AddRange(part.RawSamples.Select(r => r with { Scenario = r.Scenario + scenarioOffset }));
            scenarioOffset += part.Scenarios.Count;
        }

        var first = parts[0].Environment;
        return new RunResult(
            _options.Name,
            string.Join("; ", _groups.Select(g => $"{g.Label}: {g.Profile.Describe()}")),
            first with { StartedAt = parts.Min(p => p.Environment.StartedAt), EndedAt = parts.Max(p => p.Environment.EndedAt) },
            parts.Max(p => p.Duration),
            totals,
            LatencyStats.From(whole),
            MergeSeries(parts),
            errors,
            [.. parts.SelectMany(p => p.Scenarios)],
            capturing.WhiteBox,
            capturing.Process,
            raw,
            parts.Sum(p => p.RawSamplesLost),
            HistogramCodec.Encode(whole),
            parts.Any(p => p.Cancelled))
        {
            StartLateness = parts.Max(p => p.StartLateness),
        };
    }

    private List<SecondStats> MergeSeries(IReadOnlyList<RunResult> parts)
    {
        var merged = new List<SecondStats>();
        foreach (var second in parts.SelectMany(p => p.Series).GroupBy(s => s.Second).OrderBy(g => g.Key))
        {
            HistogramBase latency = LatencyHistograms.Create();
            foreach (var histogram in second.Where(s => s.Histogram is not null))
            {
                latency.Add(HistogramCodec.Decode(histogram.Histogram!));
            }

            merged.Add(new SecondStats(
                second.Key, second.Sum(s => s.Requests), second.Sum(s => s.Errors), second.Sum(s => s.Bytes),
                LatencyStats.Percentile(latency, 50), LatencyStats.Percentile(latency, 99),
                _options.KeepSecondHistograms && latency.TotalCount > 0 ? HistogramCodec.Encode(latency) : null));
        }

        return merged;
    }

    /// <summary>Passes a part's progress on with the names of its scenarios.</summary>
    private sealed class LabelledObserver(string label, IRunObserver inner) : IRunObserver
    {
        public void OnProgress(RunProgress progress) => inner.OnProgress(progress with { Scenario = label });
    }
}

/// <summary>Scenarios that run under one profile within a run.</summary>
/// <param name="Profile">Their load.</param>
/// <param name="Scenarios">The scenarios (weighted when several).</param>
internal sealed record LoadGroup(LoadProfile Profile, IReadOnlyList<Scenario> Scenarios)
{
    public string Label => string.Join("+", Scenarios.Select(s => s.Name));
}
