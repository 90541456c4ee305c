namespace PerfTesting.Distribution;

/// <summary>
/// A share (From, To] of a test's whole work, 0 &lt;= From &lt; To &lt;= 1, as in k6: agent i of N runs
/// (i/N, (i+1)/N]. Written "1/4:2/4" (also decimals and percentages: "0.25:0.5", "25%:50%"); a single
/// value "1/4" means (0, 1/4].
/// </summary>
public sealed record ExecutionSegment
{
    /// <summary>Creates (from, to].</summary>
    /// <param name="from">Start, at least 0.</param>
    /// <param name="to">End, above <paramref name="from"/>, at most 1.</param>
    public ExecutionSegment(Fraction from, Fraction to)
    {
        if (from < Fraction.Zero || to > Fraction.One || from >= to)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"A segment needs 0 <= from < to <= 1; got {from}:{to}.");
        }

        From = from;
        To = to;
    }

    /// <summary>The whole test, (0, 1].</summary>
    public static ExecutionSegment Whole { get; } = new(Fraction.Zero, Fraction.One);

    /// <summary>The segment's start (exclusive).</summary>
    public Fraction From { get; }

    /// <summary>The segment's end (inclusive).</summary>
    public Fraction To { get; }

    /// <summary>To minus From.</summary>
    public Fraction Length => To - From;

    /// <summary>The segment of agent <paramref name="index"/> of <paramref name="count"/>: (index/count, (index+1)/count].</summary>
    /// <param name="index">Zero-based agent index.</param>
    /// <param name="count">How many agents.</param>
    public static ExecutionSegment ForAgent(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return new ExecutionSegment(new Fraction(index, count), new Fraction(index + 1, count));
    }

    /// <summary>Parses "from:to" or a single "to" (from 0).</summary>
    /// <param name="text">The segment, e.g. "1/4:2/4".</param>
    /// <exception cref="FormatException">Not a segment.</exception>
    public static ExecutionSegment Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var from = colon < 0 ? Fraction.Zero : Fraction.Parse(text[..colon]);
        var to = Fraction.Parse(colon < 0 ? text : text[(colon + 1)..]);
        try
        {
            return new ExecutionSegment(from, to);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"'{text}' is not a segment: {e.Message}", e);
        }
    }

    /// <summary>Whether the two segments share any part of (0, 1].</summary>
    /// <param name="other">The other segment.</param>
    public bool Overlaps(ExecutionSegment other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return From < other.To && other.From < To;
    }

    /// <summary>"from:to", e.g. "1/4:1/2".</summary>
    public override string ToString() => $"{From}:{To}";
}
