namespace PerfTesting.Baselines;

/// <summary>How a run stood against its committed baseline.</summary>
public enum BaselineStatus
{
    /// <summary>Compared; see the comparison's verdicts.</summary>
    Compared,

    /// <summary>There was no baseline; the run was written as received (or as the baseline, when accepting).</summary>
    Missing,

    /// <summary>The baseline was measured in another environment and the options did not allow comparing.</summary>
    NotComparable,

    /// <summary>Accept mode: the run became the new baseline without a verdict.</summary>
    Accepted,
}
