namespace PerfTesting.Load;

/// <summary>An open-model stage: arrivals per second moving linearly from one rate to another over the stage.</summary>
/// <param name="Duration">How long the stage lasts.</param>
/// <param name="FromRate">Arrivals per second at the start.</param>
/// <param name="ToRate">Arrivals per second at the end (equal to <paramref name="FromRate"/> for a constant rate).</param>
public readonly record struct RateStage(TimeSpan Duration, double FromRate, double ToRate);
