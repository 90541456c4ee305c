using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PerfTesting.Measurement;

namespace PerfTesting.Load;

/// <summary>
/// One run's machinery: the virtual clients or the arrival dispatcher, the warm-up switch, the
/// once-a-second ticker that harvests the series and reports progress, and the final accounting.
/// </summary>
internal sealed class LoadRun
{
    private const int WarmingUp = 0;
    private const int Measuring = 1;

    private readonly LoadProfile _profile;
    private readonly IReadOnlyList<Scenario> _scenarios;
    private readonly LoadRunnerOptions _options;
    private readonly TimeProvider _time;
    private readonly ScenarioRecorder[] _recorders;
    private readonly StepRecorders[] _steps;
    private readonly long? _origin;
    private readonly ScenarioPicker _picker;
    private readonly RawSampleBuffer? _raw;
    private readonly MeterCapture? _meters;
    private readonly List<SecondStats> _series = [];
    private readonly Lock _windowLock = new();
    private ProcessSampler? _process;
    private volatile int _phase;
    private volatile bool _stopping;
    private long _runStart;
    private long _measureStart;
    private TimeSpan _lateness;
    private long _windowStart;
    private DateTimeOffset _windowStartWall;
    private long _inFlight;
    private long _issued;
    private long _progressRequests;
    private long _progressErrors;

    // The next whole second of the window the ticker has not harvested (guarded by _windowLock).
    private int _nextSecond;

    // origin: a start shared with the other parts of a run whose scenarios carry their own load (one clock), or null to start now.
    public LoadRun(LoadProfile profile, IReadOnlyList<Scenario> scenarios, LoadRunnerOptions options, long? origin = null)
    {
        _origin = origin;
        _steps = [.. scenarios.Select(_ => new StepRecorders())];
        _profile = profile;
        _scenarios = scenarios;
        _options = options;
        _time = options.Time;
        _recorders = [.. scenarios.Select(s => new ScenarioRecorder(s.Name))];
        _picker = new ScenarioPicker(scenarios);
        _raw = options.RawSampleCapacity > 0 ? new RawSampleBuffer(options.RawSampleCapacity) : null;
        _meters = options.Meters.Count > 0 ? new MeterCapture(options.Meters) : null;
    }

    private TimeSpan WindowElapsed => _time.GetElapsedTime(_windowStart);

    public async Task<RunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        using var ticker = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _runStart = _origin ?? _time.GetTimestamp();
        _measureStart = _runStart;
        Task? tick = null;
        var cancelled = false;
        try
        {
            await WaitForSharedStartAsync(cancellationToken).ConfigureAwait(false);
            _measureStart = _runStart + Ticks(_profile.WarmUp);
            if (_profile.WarmUp <= TimeSpan.Zero)
            {
                BeginWindow(_runStart);
            }

            tick = TickAsync(ticker.Token);
            await (_profile switch
            {
                ClosedLoadProfile closed => RunClosedAsync(closed, cancellationToken),
                OpenLoadProfile open => RunOpenAsync(open, cancellationToken),
                _ => throw new NotSupportedException($"Unknown profile {_profile.GetType().Name}."),
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        if (_phase == WarmingUp)
        {
            // Cancelled during warm-up: an empty window rather than warm-up numbers.
            BeginWindow(_time.GetTimestamp());
        }

        // The ticker stops before the window's end is read: on a starved machine a tick that fell due in between
        // would otherwise harvest a second that starts after the end (a "[6s]" line for a 5.01 s run, and the
        // last second twice in the series).
        await ticker.CancelAsync().ConfigureAwait(false);
        try
        {
            await (tick ?? Task.CompletedTask).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The ticker ends by cancellation.
        }

        var windowEnd = _time.GetTimestamp();
        HarvestStarvedSeconds(windowEnd);

        return Finish(windowEnd, cancelled || cancellationToken.IsCancellationRequested);
    }

    private long Ticks(TimeSpan duration) => (long)(duration.TotalSeconds * _time.TimestampFrequency);

    // This agent's share of a whole-test count (clients, iterations) in a distributed run.
    private long Share(long count) => _options.Stripe.IsAll ? count : _options.Stripe.CountBelow(count);

    /// <summary>
    /// Waits for the shared start time of a distributed run. A late agent moves its origin back to the
    /// shared start, so its schedule (and its per-second series) stays aligned with the other agents'.
    /// </summary>
    private async Task WaitForSharedStartAsync(CancellationToken cancellationToken)
    {
        if (_options.StartAt is not { } startAt)
        {
            return;
        }

        var wait = startAt - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _lateness = -wait;
        }

        // Anchored on the shared start itself, not on when this process woke up: timer jitter (tens of
        // milliseconds on a loaded machine) would otherwise shift this agent's arrivals against the others'.
        var behind = _time.GetUtcNow() - startAt;
        _runStart = _time.GetTimestamp() - Ticks(behind > TimeSpan.Zero ? behind : TimeSpan.Zero);
    }

    private async Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var wait = timestamp - _time.GetTimestamp();
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)wait / _time.TimestampFrequency), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void BeginWindow(long origin)
    {
        lock (_windowLock)
        {
            if (_phase == Measuring)
            {
                return;
            }

            foreach (var recorder in _recorders)
            {
                recorder.Reset();
            }

            foreach (var steps in _steps)
            {
                steps.Reset();
            }

            _raw?.Clear();
            Interlocked.Exchange(ref _progressRequests, 0);
            Interlocked.Exchange(ref _progressErrors, 0);
            _process = _options.CaptureProcess ? new ProcessSampler() : null;
            _meters?.Start();
            _windowStart = origin;
            _windowStartWall = _time.GetUtcNow() - _time.GetElapsedTime(origin);

            // Published last: a request that sees Measuring is counted, and everything it counts into is reset.
            _phase = Measuring;
        }
    }

    private async Task WarmUpTimerAsync(CancellationToken cancellationToken)
    {
        if (_phase == WarmingUp)
        {
            await WaitUntilAsync(_measureStart, cancellationToken).ConfigureAwait(false);
            BeginWindow(_measureStart);
        }
    }

    private async Task RunClosedAsync(ClosedLoadProfile profile, CancellationToken cancellationToken)
    {
        var count = (int)Share(profile.MaxClients);
        var clients = new Task[count + 1];
        clients[0] = WarmUpTimerAsync(cancellationToken);
        for (var id = 0; id < count; id++)
        {
            clients[id + 1] = ClientAsync(profile, id, cancellationToken);
        }

        await Task.WhenAll(clients).ConfigureAwait(false);
    }

    private async Task ClientAsync(ClosedLoadProfile profile, int id, CancellationToken cancellationToken)
    {
        // Yield at once so that starting thousands of clients does not run their first requests inline.
        await Task.Yield();

        // In a distributed run the client keeps its number in the whole test, so agents' records stay distinct.
        var globalId = _options.Stripe.IsAll ? id : (int)_options.Stripe.Member(id);
        var context = new ScenarioContext(globalId);
        var random = new Random(unchecked((globalId + 1) * 7919));
        var totalIterations = profile.TotalIterations is { } whole ? Share(whole) : (long?)null;
        long measuredIterations = 0;
        while (!_stopping)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measured = _phase == Measuring;
            int active;
            if (measured)
            {
                var elapsed = WindowElapsed;
                if (elapsed >= _profile.TimeLimit || (profile.IterationsPerClient is null && profile.TotalIterations is null && elapsed >= profile.Duration))
                {
                    _stopping = true;
                    return;
                }

                active = (int)Share(profile.IterationsPerClient is null && profile.TotalIterations is null ? profile.ClientsAt(elapsed) : profile.MaxClients);
            }
            else
            {
                active = (int)Share(profile.Stages[0].Clients);
            }

            if (id >= active)
            {
                // Not this client's turn in the current stage; stage changes are coarse, so polling is enough.
                await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (measured)
            {
                if (measuredIterations >= profile.IterationsPerClient)
                {
                    return;
                }

                if (totalIterations is { } total && Interlocked.Increment(ref _issued) > total)
                {
                    return;
                }

                measuredIterations++;
            }

            await IterateAsync(context, _picker.Pick(random.NextDouble()), measured, _time.GetTimestamp(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunOpenAsync(OpenLoadProfile profile, CancellationToken cancellationToken)
    {
        var contexts = new ConcurrentStack<ScenarioContext>(Enumerable.Range(0, profile.MaxInFlight).Reverse().Select(i => new ScenarioContext(i)));
        var random = new Random(7919);
        var outstanding = new Outstanding();
        try
        {
            if (_profile.WarmUp > TimeSpan.Zero)
            {
                var rate = profile.Stages[0].FromRate;
                await DispatchAsync(profile, [new RateStage(_profile.WarmUp, rate, rate)], _runStart, measured: false, contexts, random, outstanding, cancellationToken).ConfigureAwait(false);
                await WaitUntilAsync(_measureStart, cancellationToken).ConfigureAwait(false);
                BeginWindow(_measureStart);
            }

            await DispatchAsync(profile, profile.Stages, _windowStart, measured: true, contexts, random, outstanding, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await outstanding.DrainAsync().ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(
        OpenLoadProfile profile,
        IReadOnlyList<RateStage> stages,
        long origin,
        bool measured,
        ConcurrentStack<ScenarioContext> contexts,
        Random random,
        Outstanding outstanding,
        CancellationToken cancellationToken)
    {
        var frequency = _time.TimestampFrequency;
        var stripe = _options.Stripe;
        long index = -1;
        foreach (var offset in ArrivalSchedule.Offsets(stages))
        {
            if (measured && offset >= _profile.TimeLimit)
            {
                return;
            }

            // A distributed run: this agent fires only its stripe of the whole schedule, at the same times.
            if (!stripe.Contains(++index))
            {
                continue;
            }

            var due = origin + (long)(offset.TotalSeconds * frequency);
            var wait = due - _time.GetTimestamp();
            if (wait > frequency / 1000)
            {
                // Sleep until the arrival is due; arrivals that fall due while asleep go out at once on waking,
                // and their latency still counts from when they were due.
                await Task.Delay(TimeSpan.FromSeconds((double)wait / frequency), _time, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var scenario = _picker.Pick(random.NextDouble());
            if (Interlocked.Read(ref _inFlight) >= profile.MaxInFlight || !contexts.TryPop(out var context))
            {
                if (measured)
                {
                    _recorders[scenario].Drop();
                }

                continue;
            }

            outstanding.Add();
            _ = ArrivalAsync(context, scenario, measured, due, contexts, outstanding, cancellationToken);
        }
    }

    private async Task ArrivalAsync(
        ScenarioContext context,
        int scenario,
        bool measured,
        long intendedStart,
        ConcurrentStack<ScenarioContext> contexts,
        Outstanding outstanding,
        CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await IterateAsync(context, scenario, measured, intendedStart, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Counted as cancelled in IterateAsync; the run reports it as cancelled.
        }
        finally
        {
            contexts.Push(context);
            outstanding.Done();
        }
    }

    // Pooled state machines: an iteration that suspends allocates nothing, which at tens of thousands of
    // requests a second is the engine's largest per-request cost after the request itself.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask IterateAsync(ScenarioContext context, int scenarioIndex, bool measured, long start, CancellationToken cancellationToken)
    {
        var scenario = _scenarios[scenarioIndex];
        var recorder = _recorders[scenarioIndex];
        context.ScenarioName = scenario.Name;
        context.Steps = _steps[scenarioIndex];
        context.Measured = measured;
        context.Time = _time;
        if (measured)
        {
            recorder.Start();
        }

        Interlocked.Increment(ref _inFlight);
        StepOutcome outcome;
        try
        {
            outcome = await scenario.Step(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _inFlight);
            if (measured)
            {
                recorder.Cancel();
            }

            throw;
        }
        catch (Exception e)
        {
            outcome = StepOutcome.Fail(HttpStep.Classify(e));
        }

        var end = _time.GetTimestamp();
        Interlocked.Decrement(ref _inFlight);
        context.Iteration++;
        if (!measured)
        {
            return;
        }

        var micros = LatencyHistograms.ToMicroseconds(end - start, _time.TimestampFrequency);
        recorder.Record(micros, outcome.Success, outcome.Bytes, outcome.ErrorKind);
        _raw?.Add(new RawSample(
            (start - _windowStart) * 1000.0 / _time.TimestampFrequency, context.ClientId, scenarioIndex, micros / 1000.0,
            outcome.StatusCode, outcome.Bytes, outcome.Success));
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var ticks = 0;
        var phase = _phase;
        while (true)
        {
            if (phase != _phase)
            {
                phase = _phase;
                ticks = 0;
            }

            var origin = phase == Measuring ? _windowStart : _runStart;
            ticks++;
            var due = origin + ticks * _time.TimestampFrequency;
            var wait = due - _time.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / _time.TimestampFrequency), _time, cancellationToken).ConfigureAwait(false);
            }

            lock (_windowLock)
            {
                if (phase != _phase)
                {
                    // The window began while this tick slept: its numbers belong to warm-up.
                    continue;
                }

                Harvest(ticks - 1, phase == Measuring);
            }
        }
    }

    /// <summary>
    /// A tick that fell due before the window's end but had no CPU until the ticker was stopped (a busy
    /// 2-core machine) would lose its second: the final report would then cover that second and the
    /// partial one as one. Each whole second of the window that no tick harvested is harvested here, late,
    /// as the late tick would have done, so every whole second is reported once and in order.
    /// </summary>
    private void HarvestStarvedSeconds(long windowEnd)
    {
        if (_phase != Measuring)
        {
            return;
        }

        var wholeSeconds = (int)Math.Floor(_time.GetElapsedTime(_windowStart, windowEnd).TotalSeconds);
        lock (_windowLock)
        {
            for (var second = _nextSecond; second < wholeSeconds; second++)
            {
                Harvest(second, measuring: true);
            }
        }
    }

    /// <summary>Takes one second's numbers from every scenario; adds them to the series when measuring.</summary>
    private void Harvest(int second, bool measuring, TimeSpan? end = null)
    {
        var latency = LatencyHistograms.Create();
        long requests = 0, errors = 0, bytes = 0;
        foreach (var recorder in _recorders)
        {
            var interval = recorder.Harvest();
            latency.Add(interval.Latency);
            requests += interval.Requests;
            errors += interval.Errors;
            bytes += interval.Bytes;
            recorder.Recycle(interval.Latency);
        }

        var p99 = LatencyStats.Percentile(latency, 99);
        if (measuring && end is null)
        {
            _nextSecond = second + 1;
        }

        if (measuring)
        {
            _series.Add(new SecondStats(second, requests, errors, bytes, LatencyStats.Percentile(latency, 50), p99,
                _options.KeepSecondHistograms && latency.TotalCount > 0 ? HistogramCodec.Encode(latency) : null));
            _process?.Sample();
            _meters?.Poll();
        }

        var totalRequests = Interlocked.Add(ref _progressRequests, measuring ? requests : 0);
        var totalErrors = Interlocked.Add(ref _progressErrors, measuring ? errors : 0);
        _options.Observer?.OnProgress(new RunProgress(
            measuring ? end ?? TimeSpan.FromSeconds(second + 1) : _profile.WarmUp - TimeSpan.FromSeconds(second + 1),
            !measuring, requests, errors, totalRequests, totalErrors, p99, Interlocked.Read(ref _inFlight))
        {
            Final = end is not null,
        });
    }

    private RunResult Finish(long windowEnd, bool cancelled)
    {
        var duration = _time.GetElapsedTime(_windowStart, windowEnd);
        Harvest((int)Math.Floor(duration.TotalSeconds), measuring: true, end: duration);
        _meters?.Stop();
        var process = _process?.Finish();
        var whole = LatencyHistograms.Create();
        var totals = new RunTotals(0, 0, 0, 0, 0, 0);
        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var scenarios = new List<ScenarioResult>();
        for (var i = 0; i < _recorders.Length; i++)
        {
            var recorder = _recorders[i];
            var result = recorder.Result() with { Steps = _steps[i].Results() };
            scenarios.Add(result);
            whole.Add(recorder.Whole);
            var t = result.Totals;
            totals = new RunTotals(totals.Started + t.Started, totals.Succeeded + t.Succeeded, totals.Failed + t.Failed,
                totals.Cancelled + t.Cancelled, totals.Dropped + t.Dropped, totals.Bytes + t.Bytes);
            foreach (var (kind, count) in result.ErrorsByKind)
            {
                errors[kind] = errors.GetValueOrDefault(kind) + count;
            }
        }

        var (raw, lost) = _raw?.Snapshot() ?? ([], 0);
        return new RunResult(
            _options.Name,
            _profile.Describe(),
            RunEnvironment.Here(_windowStartWall, _windowStartWall + duration),
            duration,
            totals,
            LatencyStats.From(whole),
            [.. _series.Where(s => s.Requests > 0 || s.Second < (int)Math.Ceiling(duration.TotalSeconds))],
            errors,
            scenarios,
            _meters?.Summaries() ?? [],
            process,
            raw,
            lost,
            HistogramCodec.Encode(whole),
            cancelled)
        {
            StartLateness = _lateness,
        };
    }

    /// <summary>Counts open-model arrivals still running, so the run ends only after the last one.</summary>
    private sealed class Outstanding
    {
        private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _count = 1; // the dispatcher's own hold, released by DrainAsync

        public void Add() => Interlocked.Increment(ref _count);

        public void Done()
        {
            if (Interlocked.Decrement(ref _count) == 0)
            {
                _drained.TrySetResult();
            }
        }

        public Task DrainAsync()
        {
            Done();
            return _drained.Task;
        }
    }
}
