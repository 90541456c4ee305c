namespace PerfTesting.Comparison.Gate;

/// <summary>What a pull-request gate does with an Inconclusive verdict (the rounds could not resolve the tolerance).</summary>
public enum InconclusivePolicy
{
    /// <summary>The gate fails with its own exit code (<see cref="GateOutcome.InconclusiveFailed"/>).</summary>
    Fail,

    /// <summary>The gate passes, and the report's first line and the log say it was Inconclusive. The default: never a silent pass.</summary>
    Warn,

    /// <summary>The gate passes; the report still says Inconclusive.</summary>
    Pass,
}
