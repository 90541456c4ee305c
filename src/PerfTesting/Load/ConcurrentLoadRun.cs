using PerfTesting.Measurement;
using PerfTesting.Measurement.Merging;

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
        var capturing = Enumerable.Range(0, _groups.Count).MaxBy(i => _groups[i].Profile.NominalLength);
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

    private RunResult Merge(IReadOnlyList<RunResult> parts, RunResult capturing)
    {
        var whole = RunMerge.Histograms(parts.Select(p => p.DecodeHistogram()));
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
            RunMerge.Totals(parts.Select(p => p.Totals)),
            LatencyStats.From(whole),
            RunMerge.Series(parts.Select(p => (p.Series, 0)), HistogramCodec.Decode, _options.KeepSecondHistograms),
            RunMerge.ErrorsByKind(parts.Select(p => p.ErrorsByKind)),
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
