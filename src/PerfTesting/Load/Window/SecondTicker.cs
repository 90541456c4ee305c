using PerfTesting.Measurement;

namespace PerfTesting.Load.Window;

/// <summary>
/// The once-a-second ticker of a run: harvests every scenario's last second into the per-second series
/// (measured seconds only) and reports progress (warm-up seconds too). Seconds count from the run's
/// start during warm-up and from the window's start after it. A second no tick harvested before the
/// run ended (a starved machine) is harvested at the end, so every whole second is reported once.
/// </summary>
internal sealed class SecondTicker(MeasurementWindow window, LoadRunnerOptions options, TimeSpan warmUp)
{
    private readonly TimeProvider _time = options.Time;
    private readonly List<SecondStats> _series = [];
    private long _totalRequests;
    private long _totalErrors;

    // The next whole second of the window the ticker has not harvested (guarded by the window's lock).
    private int _nextSecond;

    /// <summary>Ticks until cancelled (it ends by cancellation).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var ticks = 0;
        var measuring = window.IsMeasuring;
        while (true)
        {
            if (measuring != window.IsMeasuring)
            {
                measuring = window.IsMeasuring;
                ticks = 0;
            }

            var origin = measuring ? window.Start : window.RunStart;
            ticks++;
            await Clock.WaitUntilAsync(_time, origin + (ticks * _time.TimestampFrequency), cancellationToken).ConfigureAwait(false);
            lock (window.Lock)
            {
                if (measuring != window.IsMeasuring)
                {
                    // The window began while this tick slept: its numbers belong to warm-up.
                    continue;
                }

                Harvest(ticks - 1, measuring);
            }
        }
    }

    /// <summary>
    /// A tick that fell due before the window's end but had no CPU until the ticker was stopped (a busy
    /// 2-core machine) would lose its second: the final report would then cover that second and the
    /// partial one as one. Each whole second of the window that no tick harvested is harvested here, late,
    /// as the late tick would have done, so every whole second is reported once and in order.
    /// </summary>
    public void HarvestStarvedSeconds(long windowEnd)
    {
        if (!window.IsMeasuring)
        {
            return;
        }

        var wholeSeconds = (int)Math.Floor(_time.GetElapsedTime(window.Start, windowEnd).TotalSeconds);
        lock (window.Lock)
        {
            for (var second = _nextSecond; second < wholeSeconds; second++)
            {
                Harvest(second, measuring: true);
            }
        }
    }

    /// <summary>Harvests the last, usually partial, second of a window of <paramref name="duration"/> and returns the series.</summary>
    public IReadOnlyList<SecondStats> Finish(TimeSpan duration)
    {
        lock (window.Lock)
        {
            Harvest((int)Math.Floor(duration.TotalSeconds), measuring: true, end: duration);
        }

        // The partial second's point is kept only when something completed in it.
        return [.. _series.Where(s => s.Requests > 0 || s.Second < (int)Math.Ceiling(duration.TotalSeconds))];
    }

    /// <summary>Takes one second's numbers from every scenario; adds them to the series when measuring.</summary>
    private void Harvest(int second, bool measuring, TimeSpan? end = null)
    {
        var latency = LatencyHistograms.Create();
        long requests = 0, errors = 0, bytes = 0;
        foreach (var recorder in window.Recorders)
        {
            var interval = recorder.Harvest();
            latency.Add(interval.Latency);
            requests += interval.Requests;
            errors += interval.Errors;
            bytes += interval.Bytes;
            recorder.Recycle(interval.Latency);
        }

        var p99 = LatencyStats.Percentile(latency, 99);
        if (measuring)
        {
            if (end is null)
            {
                _nextSecond = second + 1;
            }

            _series.Add(new SecondStats(second, requests, errors, bytes, LatencyStats.Percentile(latency, 50), p99,
                options.KeepSecondHistograms && latency.TotalCount > 0 ? HistogramCodec.Encode(latency) : null));
            window.Sample();
            _totalRequests += requests;
            _totalErrors += errors;
        }

        options.Observer?.OnProgress(new RunProgress(
            measuring ? end ?? TimeSpan.FromSeconds(second + 1) : warmUp - TimeSpan.FromSeconds(second + 1),
            !measuring, requests, errors, _totalRequests, _totalErrors, p99, window.InFlight)
        {
            Final = end is not null,
        });
    }
}
