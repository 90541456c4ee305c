using PerfTesting.Measurement;

namespace PerfTesting.Load;

/// <summary>One step of a concurrency sweep.</summary>
/// <param name="Clients">Virtual clients in the step.</param>
/// <param name="Result">What the step measured.</param>
public sealed record SweepStep(int Clients, RunResult Result);
