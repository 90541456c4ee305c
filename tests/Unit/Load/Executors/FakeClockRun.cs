using Microsoft.Extensions.Time.Testing;
using PerfTesting.Load;
using PerfTesting.Measurement;

namespace Tests.Unit.Load.Executors;

/// <summary>
/// Runs the load engine on a fake clock. A step "takes" its cost by advancing the clock, then waits for
/// what fell due meanwhile (the switch to measuring, the ticker's reports): the run's timers complete on
/// the thread pool, so without the wait the split of requests into seconds would depend on scheduling.
/// Nothing really waits on time; a run of seconds takes milliseconds.
/// </summary>
internal sealed class FakeClockRun
{
    private LoadRun? _run;

    public FakeClockRun(FakeTimeProvider? clock = null) => Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    public FakeTimeProvider Clock { get; }

    public ProgressLog Progress { get; } = new();

    /// <summary>Starts a run; it proceeds as steps (or the test) advance the clock.</summary>
    public Task<RunResult> StartAsync(LoadProfile profile, Scenario scenario, CancellationToken cancellationToken) =>
        StartAsync(profile, [scenario], cancellationToken);

    public Task<RunResult> StartAsync(LoadProfile profile, IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken)
    {
        _run = new LoadRun(profile, scenarios, new LoadRunnerOptions { Time = Clock, Observer = Progress, CaptureProcess = false });
        return _run.ExecuteAsync(cancellationToken);
    }

    /// <summary>Time since the measured window began (zero before it).</summary>
    public TimeSpan WindowElapsed => _run!.Window.IsMeasuring ? Clock.GetElapsedTime(_run.Window.Start) : TimeSpan.Zero;

    /// <summary>A step that takes <paramref name="cost"/> and succeeds; <paramref name="onStart"/> sees each iteration first.</summary>
    public ScenarioStep Step(TimeSpan cost, Action<ScenarioContext>? onStart = null) => async (context, ct) =>
    {
        onStart?.Invoke(context);
        await ElapseAsync(cost, ct);
        return StepOutcome.Ok();
    };

    /// <summary>Advances the clock by <paramref name="cost"/> and waits for the window's switch and every measured tick now due.</summary>
    public async Task ElapseAsync(TimeSpan cost, CancellationToken cancellationToken)
    {
        var window = _run!.Window;
        Clock.Advance(cost);
        if (!window.IsMeasuring)
        {
            if (Clock.GetTimestamp() < window.MeasureStart)
            {
                return;
            }

            await window.Begun.WaitAsync(cancellationToken);
        }

        await Progress.WaitForMeasuredSecondsAsync((int)Math.Floor(Clock.GetElapsedTime(window.Start).TotalSeconds), cancellationToken);
    }
}
