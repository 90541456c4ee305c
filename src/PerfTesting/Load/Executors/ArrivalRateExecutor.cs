using System.Collections.Concurrent;
using PerfTesting.Load.Window;

namespace PerfTesting.Load.Executors;

/// <summary>
/// Arrivals on a schedule (k6's constant- and ramping-arrival-rate; <see cref="ArrivalSchedule"/> gives
/// the times for both): each arrival is started when due whatever the service does, and dropped and
/// counted when the in-flight cap is reached. Warm-up dispatches at the first stage's starting rate.
/// </summary>
internal sealed class ArrivalRateExecutor(OpenLoadProfile profile, LoadRunContext run) : Executor(run)
{
    private readonly ConcurrentStack<ScenarioContext> _contexts = new(Enumerable.Range(0, profile.MaxInFlight).Reverse().Select(i => new ScenarioContext(i)));
    private readonly Random _random = new(7919);
    private readonly Outstanding _outstanding = new();

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        var window = Run.Window;
        try
        {
            if (profile.WarmUp > TimeSpan.Zero)
            {
                var rate = profile.Stages[0].FromRate;
                await DispatchAsync([new RateStage(profile.WarmUp, rate, rate)], window.RunStart, measured: false, cancellationToken).ConfigureAwait(false);
                await window.EndWarmUpAsync(cancellationToken).ConfigureAwait(false);
            }

            await DispatchAsync(profile.Stages, window.Start, measured: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _outstanding.DrainAsync().ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(IReadOnlyList<RateStage> stages, long origin, bool measured, CancellationToken cancellationToken)
    {
        var time = Run.Time;
        var frequency = time.TimestampFrequency;
        var stripe = Run.Options.Stripe;
        var window = Run.Window;
        long index = -1;
        foreach (var offset in ArrivalSchedule.Offsets(stages))
        {
            if (measured && offset >= profile.TimeLimit)
            {
                return;
            }

            // A distributed run: this agent fires only its stripe of the whole schedule, at the same times.
            if (!stripe.Contains(++index))
            {
                continue;
            }

            var due = origin + (long)(offset.TotalSeconds * frequency);
            var wait = due - time.GetTimestamp();
            if (wait > frequency / 1000)
            {
                // Sleep until the arrival is due; arrivals that fall due while asleep go out at once on waking,
                // and their latency still counts from when they were due.
                await Task.Delay(Clock.Duration(time, wait), time, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var scenario = Run.Picker.Pick(_random.NextDouble());
            if (window.InFlight >= profile.MaxInFlight || !_contexts.TryPop(out var context))
            {
                if (measured)
                {
                    window.Recorders[scenario].Drop();
                }

                continue;
            }

            _outstanding.Add();
            _ = ArrivalAsync(context, scenario, measured, due, cancellationToken);
        }
    }

    private async Task ArrivalAsync(ScenarioContext context, int scenario, bool measured, long intendedStart, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await Run.Iterations.RunAsync(context, scenario, measured, intendedStart, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Counted as cancelled by the iteration; the run reports it as cancelled.
        }
        finally
        {
            _contexts.Push(context);
            _outstanding.Done();
        }
    }
}
