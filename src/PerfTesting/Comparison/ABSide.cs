namespace PerfTesting.Comparison;

/// <summary>One side of an A/B comparison: A is the reference (the base build), B the candidate.</summary>
public enum ABSide
{
    /// <summary>The reference, for example the pull request's base.</summary>
    A,

    /// <summary>The candidate, for example the pull request's head.</summary>
    B,
}
