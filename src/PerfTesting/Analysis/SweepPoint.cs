using PerfTesting.Measurement;

namespace PerfTesting.Analysis;

/// <summary>One step of a concurrency sweep as analysers see it.</summary>
/// <param name="Clients">Virtual clients in the step.</param>
/// <param name="Run">What the step measured.</param>
public sealed record SweepPoint(int Clients, RunResult Run);
