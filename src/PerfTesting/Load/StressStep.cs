using PerfTesting.Assertions;
using PerfTesting.Measurement;

namespace PerfTesting.Load;

/// <summary>One step of a stress search: the load, the run and how it met the SLA.</summary>
public sealed record StressStep(int Clients, RunResult Result, SlaReport Sla);
