using System.Text.RegularExpressions;

namespace Tests.Unit.Docs;

/// <summary>
/// The C# examples of a Markdown document, and which of them no sample file contains. The samples
/// under <c>samples/</c> are restored from the packed packages and run by <c>.ci/run</c>, so an
/// example found verbatim in a sample is an example that compiles and passes outside this repository.
/// </summary>
internal static partial class CodeBlocks
{
    /// <summary>The bodies of the <c>```csharp</c> fences in <paramref name="markdown"/>, with LF line ends.</summary>
    public static IReadOnlyList<string> CSharp(string markdown) =>
        [.. CSharpFence().Matches(Normalise(markdown)).Select(m => m.Groups["body"].Value)];

    /// <summary>The blocks of <paramref name="markdown"/> that appear in none of <paramref name="sources"/>.</summary>
    public static IReadOnlyList<string> MissingFrom(string markdown, IEnumerable<string> sources)
    {
        var normalised = sources.Select(Normalise).ToList();
        return [.. CSharp(markdown).Where(block => !normalised.Any(source => source.Contains(block, StringComparison.Ordinal)))];
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [GeneratedRegex(@"^```csharp[ \t]*\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpFence();
}
