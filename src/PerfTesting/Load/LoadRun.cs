using PerfTesting.Load.Executors;
using PerfTesting.Load.Window;
using PerfTesting.Measurement;

namespace PerfTesting.Load;

/// <summary>
/// One run, start to finish: waits for a shared start, schedules the window, starts the ticker and the
/// profile's executor, and when the load ends (or is cancelled) stops the ticker and builds the result.
/// The load itself is the executor's (one per mode, <see cref="Executors"/>); the window, the ticker
/// and the result are in <see cref="Window"/>.
/// </summary>
internal sealed class LoadRun
{
    private readonly LoadProfile _profile;
    private readonly LoadRunnerOptions _options;
    private readonly TimeProvider _time;
    private readonly long? _origin;
    private readonly MeasurementWindow _window;
    private readonly Executor _executor;

    // origin: a start shared with the other parts of a run whose scenarios carry their own load (one clock), or null to start now.
    public LoadRun(LoadProfile profile, IReadOnlyList<Scenario> scenarios, LoadRunnerOptions options, long? origin = null)
    {
        _profile = profile;
        _options = options;
        _time = options.Time;
        _origin = origin;
        _window = new MeasurementWindow(scenarios, options);
        _executor = profile.CreateExecutor(new LoadRunContext(profile, scenarios, options, _window));
    }

    /// <summary>The run's measured window (unit tests on a fake clock wait on its switch).</summary>
    internal MeasurementWindow Window => _window;

    public async Task<RunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        using var ticking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ticker = new SecondTicker(_window, _options, _profile.WarmUp);
        var lateness = TimeSpan.Zero;
        Task? tick = null;
        var cancelled = false;
        try
        {
            (var runStart, lateness) = await WaitForSharedStartAsync(_origin ?? _time.GetTimestamp(), cancellationToken).ConfigureAwait(false);
            _window.Schedule(runStart, _profile.WarmUp);
            tick = ticker.RunAsync(ticking.Token);
            await _executor.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        // Cancelled during warm-up: an empty window rather than warm-up numbers (no-op once measuring).
        _window.Begin(_time.GetTimestamp());

        // The ticker stops before the window's end is read: on a starved machine a tick that fell due in between
        // would otherwise harvest a second that starts after the end (a "[6s]" line for a 5.01 s run, and the
        // last second twice in the series).
        await ticking.CancelAsync().ConfigureAwait(false);
        try
        {
            await (tick ?? Task.CompletedTask).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The ticker ends by cancellation.
        }

        var windowEnd = _time.GetTimestamp();
        ticker.HarvestStarvedSeconds(windowEnd);
        var duration = _time.GetElapsedTime(_window.Start, windowEnd);
        return WindowResult.Build(_window, _options, _profile, duration, ticker.Finish(duration), cancelled || cancellationToken.IsCancellationRequested, lateness);
    }

    /// <summary>
    /// Waits for the shared start time of a distributed run. A late agent moves its origin back to the
    /// shared start, so its schedule (and its per-second series) stays aligned with the other agents'.
    /// </summary>
    /// <returns>The run's start on its clock, and how late this agent reached the shared start.</returns>
    private async Task<(long RunStart, TimeSpan Lateness)> WaitForSharedStartAsync(long runStart, CancellationToken cancellationToken)
    {
        if (_options.StartAt is not { } startAt)
        {
            return (runStart, TimeSpan.Zero);
        }

        var lateness = TimeSpan.Zero;
        var wait = startAt - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            lateness = -wait;
        }

        // Anchored on the shared start itself, not on when this process woke up: timer jitter (tens of
        // milliseconds on a loaded machine) would otherwise shift this agent's arrivals against the others'.
        var behind = _time.GetUtcNow() - startAt;
        return (_time.GetTimestamp() - Clock.Ticks(_time, behind > TimeSpan.Zero ? behind : TimeSpan.Zero), lateness);
    }
}
