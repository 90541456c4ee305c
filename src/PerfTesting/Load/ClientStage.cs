namespace PerfTesting.Load;

/// <summary>A closed-model stage: this many virtual clients for this long (spikes and stress steps are sequences of these).</summary>
/// <param name="Duration">How long the stage lasts.</param>
/// <param name="Clients">Virtual clients active during the stage.</param>
public readonly record struct ClientStage(TimeSpan Duration, int Clients);
