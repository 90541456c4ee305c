namespace PerfTesting.Analysis;

/// <summary>How much a finding matters (BenchmarkDotNet's conclusion kinds).</summary>
public enum Severity
{
    /// <summary>Worth knowing.</summary>
    Hint,

    /// <summary>A likely bottleneck or risk.</summary>
    Warning,

    /// <summary>Something is broken.</summary>
    Error,
}
