using PerfTesting.Load;

namespace PerfTesting.Distribution;

/// <summary>
/// Consecutive segments that together cover (0, 1], written "0,1/4,1/2,3/4,1" (k6's form), and the
/// striping that assigns every index (client, iteration, open-model arrival) to exactly one of them.
/// </summary>
/// <remarks>
/// Striping, after k6's execution-segment design: let L be the least common multiple of the segments'
/// length denominators, so segment i owns n_i = length_i x L of every L consecutive indexes. Within
/// one cycle, index p goes to the first segment, largest share first, that has taken c of its n_i so
/// far with c x L &lt;= p x n_i, i.e. whose next evenly spaced slot has come. Each segment's indexes are
/// therefore spread evenly over the cycle (an agent's share of the first 10 clients is as close to
/// 10 x length as possible), the segments' indexes are disjoint, and every index has an owner.
/// </remarks>
public sealed class ExecutionSegmentSequence
{
    private readonly ExecutionSegment[] _segments;
    private readonly IndexStripe[] _stripes;

    /// <summary>Creates a sequence; gaps before the first or after the last segment are filled.</summary>
    /// <param name="segments">Consecutive segments (each starts where the previous ended).</param>
    /// <exception cref="ArgumentException">The segments overlap or leave a gap between them.</exception>
    public ExecutionSegmentSequence(IReadOnlyList<ExecutionSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0)
        {
            segments = [ExecutionSegment.Whole];
        }

        for (var i = 1; i < segments.Count; i++)
        {
            if (segments[i].From != segments[i - 1].To)
            {
                throw new ArgumentException($"Segment {segments[i]} must start where {segments[i - 1]} ends.", nameof(segments));
            }
        }

        var filled = new List<ExecutionSegment>(segments);
        if (filled[0].From != Fraction.Zero)
        {
            filled.Insert(0, new ExecutionSegment(Fraction.Zero, filled[0].From));
        }

        if (filled[^1].To != Fraction.One)
        {
            filled.Add(new ExecutionSegment(filled[^1].To, Fraction.One));
        }

        _segments = [.. filled];
        Cycle = _segments.Aggregate(1L, (lcm, s) => Lcm(lcm, s.Length.Denominator));
        if (Cycle > 10_000_000)
        {
            throw new ArgumentException($"The segments' common denominator {Cycle} is too large (at most 10,000,000).", nameof(segments));
        }

        _stripes = Stripe(_segments, Cycle);
    }

    /// <summary>The segments in order, covering (0, 1].</summary>
    public IReadOnlyList<ExecutionSegment> Segments => _segments;

    /// <summary>The period of the striping: the least common multiple of the segment lengths' denominators.</summary>
    public long Cycle { get; }

    /// <summary><paramref name="count"/> equal segments: agent i gets (i/count, (i+1)/count].</summary>
    /// <param name="count">How many agents.</param>
    public static ExecutionSegmentSequence Even(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new ExecutionSegmentSequence([.. Enumerable.Range(0, count).Select(i => ExecutionSegment.ForAgent(i, count))]);
    }

    /// <summary>Parses "r0,r1,...,rn": the segments (r0, r1], (r1, r2], ... (empty text: the whole test).</summary>
    /// <param name="text">The points, comma-separated.</param>
    /// <exception cref="FormatException">Not a sequence.</exception>
    public static ExecutionSegmentSequence Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ExecutionSegmentSequence([]);
        }

        var points = text.Split(',').Select(Fraction.Parse).ToArray();
        if (points.Length < 2)
        {
            throw new FormatException($"'{text}' needs at least two points, e.g. 0,1/2,1.");
        }

        try
        {
            return new ExecutionSegmentSequence([.. points.Zip(points.Skip(1)).Select(p => new ExecutionSegment(p.First, p.Second))]);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{text}' is not a sequence of increasing points from 0 to 1: {e.Message}", e);
        }
    }

    /// <summary>The indexes <paramref name="segment"/> owns.</summary>
    /// <param name="segment">One of <see cref="Segments"/>.</param>
    /// <exception cref="ArgumentException">The segment is not in the sequence.</exception>
    public IndexStripe StripeOf(ExecutionSegment segment) => _stripes[IndexOf(segment)];

    /// <summary><paramref name="segment"/>'s exact share of <paramref name="count"/> (clients, iterations, arrivals).</summary>
    /// <param name="segment">One of <see cref="Segments"/>.</param>
    /// <param name="count">The whole test's count.</param>
    public long Scale(ExecutionSegment segment, long count) => StripeOf(segment).CountBelow(count);

    /// <summary>"0,1/4,1/2,3/4,1".</summary>
    public override string ToString() => string.Join(",", _segments.Select(s => s.From.ToString()).Append(_segments[^1].To.ToString()));

    private int IndexOf(ExecutionSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var index = Array.IndexOf(_segments, segment);
        return index >= 0 ? index : throw new ArgumentException($"Segment {segment} is not in the sequence {this}.", nameof(segment));
    }

    private static IndexStripe[] Stripe(ExecutionSegment[] segments, long cycle)
    {
        var shares = segments.Select(s => s.Length.Numerator * (cycle / s.Length.Denominator)).ToArray();

        // Largest share first, ties in sequence order (a stable sort): the largest segments find it
        // hardest to avoid adjacent indexes, so they choose first.
        var order = Enumerable.Range(0, segments.Length).OrderByDescending(i => shares[i]).ToArray();
        var taken = new long[segments.Length];
        var positions = segments.Select(_ => new List<long>()).ToArray();
        for (long p = 0; p < cycle; p++)
        {
            foreach (var i in order)
            {
                if (taken[i] < shares[i] && taken[i] * cycle <= p * shares[i])
                {
                    taken[i]++;
                    positions[i].Add(p);
                    break;
                }
            }
        }

        return [.. positions.Select(p => new IndexStripe(cycle, p))];
    }

    private static long Lcm(long a, long b) => checked(a / (long)System.Numerics.BigInteger.GreatestCommonDivisor(a, b) * b);
}
