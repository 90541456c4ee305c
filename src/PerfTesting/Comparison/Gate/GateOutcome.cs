namespace PerfTesting.Comparison.Gate;

/// <summary>What a pull-request gate decided; the value is the process exit code (<c>perftest compare</c>, tools/gate-verdict.sh).</summary>
public enum GateOutcome
{
    /// <summary>Same or Improved, or Inconclusive under <see cref="InconclusivePolicy.Warn"/> or <see cref="InconclusivePolicy.Pass"/>.</summary>
    Passed = 0,

    /// <summary>At least one gated metric Regressed.</summary>
    Regressed = 1,

    /// <summary>The comparison could not run (bad arguments, a build or start that failed, no verdict).</summary>
    CouldNotRun = 2,

    /// <summary>Inconclusive under <see cref="InconclusivePolicy.Fail"/>.</summary>
    InconclusiveFailed = 3,
}
