using PerfTesting.Measurement;

namespace PerfTesting.Load.Window;

/// <summary>
/// The measured window of one run: the switch from warm-up to measuring (everything recorded during
/// warm-up is forgotten at once), where the window starts on the run's clock, the recorders requests are
/// counted into, and the white-box and process capture that covers the window only.
/// </summary>
internal sealed class MeasurementWindow
{
    private const int WarmingUp = 0;
    private const int Measuring = 1;

    private readonly TimeProvider _time;
    private readonly MeterCapture? _meters;
    private readonly bool _captureProcess;
    private ProcessSampler? _process;
    private readonly TaskCompletionSource _begun = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile int _phase;
    private long _inFlight;

    public MeasurementWindow(IReadOnlyList<Scenario> scenarios, LoadRunnerOptions options)
    {
        _time = options.Time;
        Recorders = [.. scenarios.Select(s => new ScenarioRecorder(s.Name))];
        Steps = [.. scenarios.Select(_ => new StepRecorders())];
        Raw = options.RawSampleCapacity > 0 ? new RawSampleBuffer(options.RawSampleCapacity) : null;
        _meters = options.Meters.Count > 0 ? new MeterCapture(options.Meters, options.MeterTags) : null;
        _captureProcess = options.CaptureProcess;
    }

    /// <summary>Taken by whoever harvests the recorders, so the switch never happens in the middle of a harvest.</summary>
    public Lock Lock { get; } = new();

    public bool IsMeasuring => _phase == Measuring;

    /// <summary>Completes when the window begins (tests on a fake clock wait on it instead of on time).</summary>
    public Task Begun => _begun.Task;

    /// <summary>When the run's load began (warm-up included), on the run's clock.</summary>
    public long RunStart { get; private set; }

    /// <summary>When warm-up ends and measuring begins, as scheduled.</summary>
    public long MeasureStart { get; private set; }

    /// <summary>When the measured window began (valid once <see cref="IsMeasuring"/>).</summary>
    public long Start { get; private set; }

    /// <summary>The window's start on the wall clock, for the report.</summary>
    public DateTimeOffset StartWall { get; private set; }

    public TimeSpan Elapsed => _time.GetElapsedTime(Start);

    public ScenarioRecorder[] Recorders { get; }

    public StepRecorders[] Steps { get; }

    public RawSampleBuffer? Raw { get; }

    public long InFlight => Interlocked.Read(ref _inFlight);

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Leave() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Schedules the window: warm-up from <paramref name="runStart"/>, measuring after <paramref name="warmUp"/> (at once without one).</summary>
    public void Schedule(long runStart, TimeSpan warmUp)
    {
        RunStart = runStart;
        MeasureStart = runStart + (long)(warmUp.TotalSeconds * _time.TimestampFrequency);
        if (warmUp <= TimeSpan.Zero)
        {
            Begin(runStart);
        }
    }

    /// <summary>Waits for the end of warm-up, then begins the window at its scheduled time.</summary>
    public async Task EndWarmUpAsync(CancellationToken cancellationToken)
    {
        if (!IsMeasuring)
        {
            await Clock.WaitUntilAsync(_time, MeasureStart, cancellationToken).ConfigureAwait(false);
            Begin(MeasureStart);
        }
    }

    /// <summary>Begins the window at <paramref name="origin"/> unless it has begun: recorders reset, capture started.</summary>
    public void Begin(long origin)
    {
        lock (Lock)
        {
            if (_phase == Measuring)
            {
                return;
            }

            foreach (var recorder in Recorders)
            {
                recorder.Reset();
            }

            foreach (var steps in Steps)
            {
                steps.Reset();
            }

            Raw?.Clear();
            _process = _captureProcess ? new ProcessSampler() : null;
            _meters?.Start();
            Start = origin;
            StartWall = _time.GetUtcNow() - _time.GetElapsedTime(origin);

            // Published last: a request that sees Measuring is counted, and everything it counts into is reset.
            _phase = Measuring;
        }

        _begun.TrySetResult();
    }

    /// <summary>Samples the white-box instruments and the process once a second of the window.</summary>
    public void Sample()
    {
        _process?.Sample();
        _meters?.Poll();
    }

    /// <summary>Stops the capture: what the instruments and the process did over the window.</summary>
    public (IReadOnlyList<InstrumentSummary> WhiteBox, ProcessMetrics? Process) StopCapture()
    {
        _meters?.Stop();
        return (_meters?.Summaries() ?? [], _process?.Finish());
    }
}
