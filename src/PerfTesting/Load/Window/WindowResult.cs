using PerfTesting.Measurement;
using PerfTesting.Measurement.Merging;

namespace PerfTesting.Load.Window;

/// <summary>Builds a local run's <see cref="RunResult"/> from its window: the one place a run's result is made.</summary>
internal static class WindowResult
{
    /// <summary>The result of a window that lasted <paramref name="duration"/>, with its per-second <paramref name="series"/>.</summary>
    public static RunResult Build(
        MeasurementWindow window, LoadRunnerOptions options, LoadProfile profile, TimeSpan duration,
        IReadOnlyList<SecondStats> series, bool cancelled, TimeSpan lateness)
    {
        var (whiteBox, process) = window.StopCapture();
        var scenarios = window.Recorders.Select((recorder, i) => recorder.Result() with { Steps = window.Steps[i].Results() }).ToList();
        var whole = RunMerge.Histograms(window.Recorders.Select(r => r.Whole));
        var (raw, lost) = window.Raw?.Snapshot() ?? ([], 0);
        return new RunResult(
            options.Name,
            profile.Describe(),
            RunEnvironment.Here(window.StartWall, window.StartWall + duration),
            duration,
            RunMerge.Totals(scenarios.Select(s => s.Totals)),
            LatencyStats.From(whole),
            series,
            RunMerge.ErrorsByKind(scenarios.Select(s => s.ErrorsByKind)),
            scenarios,
            whiteBox,
            process,
            raw,
            lost,
            HistogramCodec.Encode(whole),
            cancelled)
        {
            StartLateness = lateness,
        };
    }
}
