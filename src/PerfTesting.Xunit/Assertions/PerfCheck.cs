using PerfTesting.Assertions;
using PerfTesting.Baselines;
using PerfTesting.Reporting;

namespace PerfTesting.Xunit.Assertions;

/// <summary>What <see cref="PerfAssert.PassesAsync"/> found and wrote.</summary>
/// <param name="Sla">The SLA evaluation, when an SLA was given.</param>
/// <param name="Baseline">The baseline check, when one was asked for.</param>
/// <param name="Reports">The reports written, when a report folder was set.</param>
public sealed record PerfCheck(SlaReport? Sla, BaselineOutcome? Baseline, ReportFiles? Reports)
{
    /// <summary>True when the SLA was met (or none was given) and the baseline check did not fail (or none was made).</summary>
    public bool Passed => (Sla?.Passed ?? true) && !(Baseline?.IsFailure ?? false);
}
