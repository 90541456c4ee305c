namespace PerfTesting.Comparison;

/// <summary>One round: A and B ran back to back, in the order the seeded shuffle chose.</summary>
/// <param name="Index">1-based.</param>
/// <param name="First">Which side ran first in this round.</param>
/// <param name="A">A's figures.</param>
/// <param name="B">B's figures.</param>
public sealed record ABRound(int Index, ABSide First, ABSample A, ABSample B);
