using System.Security.Cryptography;
using System.Text;

namespace PerfTesting.BackingServices;

/// <summary>
/// Unique, valid names for the bucket, table prefix and database of one test class (or one run), so
/// tests that share backing services never see each other's data.
/// </summary>
/// <param name="Bucket">An S3 bucket name: 3 to 63 lowercase letters, digits and hyphens.</param>
/// <param name="TablePrefix">A DynamoDB table-name prefix: letters, digits, '-', '_' and '.'.</param>
/// <param name="Database">A PostgreSQL database name: lowercase letters, digits and '_', at most 63.</param>
public sealed record IsolatedNames(string Bucket, string TablePrefix, string Database)
{
    private const int StemLength = 40;

    /// <summary>Makes names from a readable owner (such as a test class name) and a random suffix.</summary>
    /// <param name="owner">Who the names are for; only its letters and digits are kept.</param>
    /// <returns>Fresh names.</returns>
    public static IsolatedNames For(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var stem = new StringBuilder();
        foreach (var c in owner.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                stem.Append(c);
            }
            else if (stem.Length > 0 && stem[^1] != '-')
            {
                stem.Append('-');
            }

            if (stem.Length == StemLength)
            {
                break;
            }
        }

        var readable = stem.ToString().Trim('-');
        if (readable.Length == 0 || !char.IsAsciiLetter(readable[0]))
        {
            readable = "t" + readable;
        }

        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var name = $"{readable}-{suffix}";
        return new IsolatedNames(name, name + "-", name.Replace('-', '_'));
    }

    /// <summary>Makes names for a type, typically the test class.</summary>
    /// <typeparam name="T">The owner.</typeparam>
    /// <returns>Fresh names.</returns>
    public static IsolatedNames For<T>() => For(typeof(T).Name);
}
