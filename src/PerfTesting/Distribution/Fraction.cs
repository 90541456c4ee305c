using System.Globalization;
using System.Numerics;

namespace PerfTesting.Distribution;

/// <summary>
/// An exact rational number (numerator over a positive denominator, always reduced), so that splitting
/// work into thirds or sevenths loses nothing to floating point.
/// </summary>
public readonly record struct Fraction : IComparable<Fraction>
{
    /// <summary>Creates num/den, reduced.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator, not zero.</param>
    public Fraction(long numerator, long denominator)
    {
        if (denominator == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "A fraction's denominator cannot be zero.");
        }

        if (denominator < 0)
        {
            numerator = checked(-numerator);
            denominator = checked(-denominator);
        }

        var divisor = (long)BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / divisor;
        Denominator = denominator / divisor;
    }

    /// <summary>Zero.</summary>
    public static Fraction Zero { get; } = new(0, 1);

    /// <summary>One.</summary>
    public static Fraction One { get; } = new(1, 1);

    /// <summary>The reduced numerator.</summary>
    public long Numerator { get; }

    /// <summary>The reduced, positive denominator.</summary>
    public long Denominator { get; }

    /// <summary>Adds.</summary>
    public static Fraction operator +(Fraction a, Fraction b) =>
        new(checked((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator)), checked(a.Denominator * b.Denominator));

    /// <summary>Subtracts.</summary>
    public static Fraction operator -(Fraction a, Fraction b) =>
        new(checked((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator)), checked(a.Denominator * b.Denominator));

    /// <summary>Multiplies.</summary>
    public static Fraction operator *(Fraction a, Fraction b) =>
        new(checked(a.Numerator * b.Numerator), checked(a.Denominator * b.Denominator));

    /// <summary>Less than.</summary>
    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    /// <summary>Greater than.</summary>
    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    /// <summary>At most.</summary>
    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    /// <summary>At least.</summary>
    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    /// <summary>
    /// Parses a fraction ("1/4"), a decimal ("0.25") or a percentage ("25%"), the forms k6 accepts.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The value, reduced.</returns>
    /// <exception cref="FormatException">The text is none of those forms.</exception>
    public static Fraction Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        try
        {
            if (s.EndsWith('%'))
            {
                return Parse(s[..^1]) * new Fraction(1, 100);
            }

            var slash = s.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                return new Fraction(Integer(s[..slash]), Integer(s[(slash + 1)..]));
            }

            var dot = s.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                return new Fraction(Integer(s), 1);
            }

            var decimals = s[(dot + 1)..];
            if (decimals.Length is 0 or > 15)
            {
                throw new FormatException();
            }

            var scale = (long)Math.Pow(10, decimals.Length);
            var whole = dot == 0 ? 0 : Integer(s[..dot]);
            return new Fraction(checked((whole * scale) + Integer(decimals)), scale);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new FormatException($"'{text}' is not a fraction (1/4), a decimal (0.25) or a percentage (25%).", e);
        }
    }

    /// <summary>The value as a double (for display).</summary>
    public double ToDouble() => (double)Numerator / Denominator;

    /// <inheritdoc />
    public int CompareTo(Fraction other) =>
        ((BigInteger)Numerator * other.Denominator).CompareTo((BigInteger)other.Numerator * Denominator);

    /// <summary>"3/4", or "1" and "0" for whole numbers.</summary>
    public override string ToString() => Denominator == 1
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    private static long Integer(string digits) =>
        digits.Length > 0 && digits.All(char.IsAsciiDigit)
            ? long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new FormatException();
}
