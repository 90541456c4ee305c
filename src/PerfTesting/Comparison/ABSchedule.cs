namespace PerfTesting.Comparison;

/// <summary>How A and B share a round.</summary>
public enum ABSchedule
{
    /// <summary>
    /// One after the other, the order shuffled per round with the recorded seed (randomized multiple
    /// interleaved trials, Abedi and Brecht 2017). Each side has the machine to itself while it runs;
    /// noise slower than a round cancels out, noise faster than a round does not.
    /// </summary>
    Interleaved,

    /// <summary>
    /// Both at the same time (duet benchmarking, Bulej et al. 2020): whatever else the machine is doing
    /// hits both sides at the same instant, so even fast noise cancels out. The sides share the machine
    /// (and any backing service) while they run, so a change that loads a shared resource shows on
    /// both sides and reads smaller than it would alone.
    /// </summary>
    Duet,
}
