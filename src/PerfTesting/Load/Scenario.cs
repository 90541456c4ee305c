namespace PerfTesting.Load;

/// <summary>A named step with a weight; several weighted scenarios share one run's clients.</summary>
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

    /// <summary>Returns a copy with another weight.</summary>
    /// <param name="weight">A positive, finite share.</param>
    public Scenario WithWeight(double weight) =>
        weight > 0 && double.IsFinite(weight)
            ? this with { Weight = weight }
            : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A scenario's weight must be positive and finite.");
}
