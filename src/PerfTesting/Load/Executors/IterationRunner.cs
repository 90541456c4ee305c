using System.Runtime.CompilerServices;
using PerfTesting.Load.Window;
using PerfTesting.Measurement;

namespace PerfTesting.Load.Executors;

/// <summary>
/// Runs one iteration of a scenario and records it into the window (when measured): the engine's hot
/// path, shared by every executor. What the step did (success, status, bytes, the failure's kind) comes
/// from the step; an exception it throws is classified generically (<see cref="ErrorKinds"/>).
/// </summary>
internal sealed class IterationRunner(IReadOnlyList<Scenario> scenarios, MeasurementWindow window, TimeProvider time)
{
    private readonly Scenario[] _scenarios = [.. scenarios];
    private readonly ScenarioRecorder[] _recorders = window.Recorders;
    private readonly StepRecorders[] _steps = window.Steps;
    private readonly RawSampleBuffer? _raw = window.Raw;
    private readonly long _frequency = time.TimestampFrequency;

    /// <summary>Runs scenario <paramref name="scenarioIndex"/> once for <paramref name="context"/>, latency counted from <paramref name="start"/>.</summary>
    /// <remarks>
    /// Pooled state machines: an iteration that suspends allocates nothing, which at tens of thousands of
    /// requests a second is the engine's largest per-request cost after the request itself.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask RunAsync(ScenarioContext context, int scenarioIndex, bool measured, long start, CancellationToken cancellationToken)
    {
        var scenario = _scenarios[scenarioIndex];
        var recorder = _recorders[scenarioIndex];
        context.ScenarioName = scenario.Name;
        context.Steps = _steps[scenarioIndex];
        context.Measured = measured;
        context.Time = time;
        if (measured)
        {
            recorder.Start();
        }

        window.Enter();
        StepOutcome outcome;
        try
        {
            outcome = await scenario.Step(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            window.Leave();
            if (measured)
            {
                recorder.Cancel();
            }

            throw;
        }
        catch (Exception e)
        {
            outcome = StepOutcome.Fail(ErrorKinds.Of(e));
        }

        var end = time.GetTimestamp();
        window.Leave();
        context.Iteration++;
        if (!measured)
        {
            return;
        }

        var micros = LatencyHistograms.ToMicroseconds(end - start, _frequency);
        recorder.Record(micros, outcome.Success, outcome.Bytes, outcome.ErrorKind);
        _raw?.Add(new RawSample(
            (start - window.Start) * 1000.0 / _frequency, context.ClientId, scenarioIndex, micros / 1000.0,
            outcome.StatusCode, outcome.Bytes, outcome.Success));
    }
}
