namespace PerfTesting.Load;

/// <summary>
/// A periodic subset of the indexes 0, 1, 2, ...: index k belongs when k mod <see cref="Cycle"/> is one
/// of <see cref="Positions"/>. A distributed run gives each agent one stripe (see
/// <c>PerfTesting.Distribution.ExecutionSegmentSequence</c>); the stripes of all agents are disjoint
/// and together hold every index, so counts split exactly and open-model arrivals are each fired once.
/// </summary>
public sealed class IndexStripe
{
    private readonly bool[] _member;
    private readonly long[] _positions;

    /// <summary>Creates a stripe.</summary>
    /// <param name="cycle">The period, 1 to 10,000,000.</param>
    /// <param name="positions">Distinct positions within the cycle, increasing.</param>
    public IndexStripe(long cycle, IReadOnlyList<long> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (cycle is < 1 or > 10_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(cycle), cycle, "A stripe's cycle must be 1 to 10,000,000.");
        }

        if (positions.Any(p => p < 0 || p >= cycle) || positions.Zip(positions.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("Positions must be increasing and within the cycle.", nameof(positions));
        }

        Cycle = cycle;
        _positions = [.. positions];
        _member = new bool[cycle];
        foreach (var p in _positions)
        {
            _member[p] = true;
        }
    }

    /// <summary>Every index: an undistributed run.</summary>
    public static IndexStripe All { get; } = new(1, [0]);

    /// <summary>The period after which membership repeats.</summary>
    public long Cycle { get; }

    /// <summary>The member positions within one cycle, increasing.</summary>
    public IReadOnlyList<long> Positions => _positions;

    /// <summary>Whether this stripe holds every index.</summary>
    public bool IsAll => _positions.Length == Cycle;

    /// <summary>Whether index <paramref name="index"/> belongs to the stripe.</summary>
    /// <param name="index">A non-negative index.</param>
    public bool Contains(long index) => _member[index % Cycle];

    /// <summary>
    /// How many of the indexes 0 .. <paramref name="count"/> - 1 belong to the stripe: this agent's share of
    /// <paramref name="count"/> clients or iterations. The shares of all stripes add up to <paramref name="count"/>.
    /// </summary>
    /// <param name="count">A non-negative count.</param>
    public long CountBelow(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var whole = count / Cycle * _positions.Length;
        var rest = count % Cycle;
        var partial = 0;
        while (partial < _positions.Length && _positions[partial] < rest)
        {
            partial++;
        }

        return whole + partial;
    }

    /// <summary>The <paramref name="n"/>-th member (zero-based): the global index of this agent's n-th client.</summary>
    /// <param name="n">A non-negative rank.</param>
    public long Member(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (_positions.Length == 0)
        {
            throw new InvalidOperationException("The stripe is empty.");
        }

        return (n / _positions.Length * Cycle) + _positions[n % _positions.Length];
    }
}
