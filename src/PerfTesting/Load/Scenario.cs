namespace PerfTesting.Load;

/// <summary>
/// A named step with a weight; several weighted scenarios share one run's clients. A scenario may carry
/// its own load profile (<see cref="WithLoad"/>): scenarios with their own load run side by side in one
/// run, on one clock, each with its own shape (closed, open, stages).
/// </summary>
public sealed record Scenario
{
    private Scenario(string name, ScenarioStep step, double weight)
    {
        Name = name;
        Step = step;
        Weight = weight;
    }

    /// <summary>The scenario's name, used in results and SLAs.</summary>
    public string Name { get; }

    /// <summary>What one iteration does.</summary>
    public ScenarioStep Step { get; }

    /// <summary>Relative share of iterations when several scenarios run together (default 1).</summary>
    public double Weight { get; private init; }

    /// <summary>Creates a scenario.</summary>
    /// <param name="name">Its name: letters, digits, '-', '_', '.', ' '.</param>
    /// <param name="step">What one iteration does.</param>
    /// <returns>The scenario, weight 1.</returns>
    public static Scenario Create(string name, ScenarioStep step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(step);
        return new Scenario(name, step, 1);
    }

    /// <summary>
    /// The scenario's own load, or null when it shares the run's profile with the other scenarios
    /// without one (weighted by <see cref="Weight"/>).
    /// </summary>
    public LoadProfile? Load { get; private init; }

    /// <summary>
    /// Returns a copy that runs under its own <paramref name="load"/>, beside the run's other scenarios
    /// and at the same time: a closed profile gets its own clients, an open one its own arrival schedule.
    /// Every profile of one run must have the same warm-up, so that the measured window starts once.
    /// </summary>
    /// <param name="load">The scenario's load profile.</param>
    public Scenario WithLoad(LoadProfile load)
    {
        ArgumentNullException.ThrowIfNull(load);
        return this with { Load = load };
    }

    /// <summary>
    /// A scenario whose iteration runs named steps in order, each measured on its own (latency, errors,
    /// histogram: <see cref="Measurement.ScenarioResult.Steps"/>); the iteration stops at the first failed
    /// step and fails with its kind. The scenario's own latency is the whole iteration's.
    /// </summary>
    /// <param name="name">The scenario's name.</param>
    /// <param name="steps">The steps with their names, in order.</param>
    /// <returns>The scenario, weight 1.</returns>
    public static Scenario Sequence(string name, params (string Name, ScenarioStep Step)[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Length == 0 || steps.Any(s => string.IsNullOrWhiteSpace(s.Name) || s.Step is null))
        {
            throw new ArgumentException("A sequence needs at least one step, each with a name and a delegate.", nameof(steps));
        }

        if (steps.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != steps.Length)
        {
            throw new ArgumentException("Step names must be unique within a scenario.", nameof(steps));
        }

        return Create(name, async (context, ct) =>
        {
            long bytes = 0;
            var last = StepOutcome.Ok();
            foreach (var (stepName, step) in steps)
            {
                last = await context.StepAsync(stepName, step, ct).ConfigureAwait(false);
                bytes += last.Bytes;
                if (!last.Success)
                {
                    break;
                }
            }

            return last with { Bytes = bytes };
        });
    }

    /// <summary>Returns a copy with another weight.</summary>
    /// <param name="weight">A positive, finite share.</param>
    public Scenario WithWeight(double weight) =>
        weight > 0 && double.IsFinite(weight)
            ? this with { Weight = weight }
            : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A scenario's weight must be positive and finite.");
}
