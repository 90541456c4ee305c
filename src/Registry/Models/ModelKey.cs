using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Registry.Models;

/// <summary>
/// A validated model version: <c>owner/name</c> in Hugging Face style plus a semantic version. Only
/// values that pass <see cref="TryCreate"/> exist, so nothing else can reach a storage key: no '..',
/// no slashes (encoded or not), no control characters, nothing over 96 characters.
/// </summary>
internal sealed partial record ModelKey
{
    private ModelKey(string owner, string name, string version) => (Owner, Name, Version) = (owner, name, version);

    /// <summary>The owner, e.g. <c>arnir0</c>.</summary>
    public string Owner { get; }

    /// <summary>The name, e.g. <c>Tiny-LLM</c>.</summary>
    public string Name { get; }

    /// <summary>The semantic version, e.g. <c>1.0.0</c>.</summary>
    public string Version { get; }

    /// <summary><c>owner/name</c>.</summary>
    public string ModelId => $"{Owner}/{Name}";

    /// <summary>The catalog's sort key, <c>owner/name/version</c>; sorts models together.</summary>
    public string CatalogKey => $"{Owner}/{Name}/{Version}";

    /// <summary>Validates the three path segments.</summary>
    public static bool TryCreate(string? owner, string? name, string? version, [NotNullWhen(true)] out ModelKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        error = !IsSegment(owner) ? $"'{Printable(owner)}' is not a valid owner: 1-96 letters, digits, '-', '_' or '.', starting with a letter or digit, no '..'."
            : !IsSegment(name) ? $"'{Printable(name)}' is not a valid model name: 1-96 letters, digits, '-', '_' or '.', starting with a letter or digit, no '..'."
            : version is null || version.Length > 64 || !SemVer().IsMatch(version) ? $"'{Printable(version)}' is not a semantic version such as 1.0.0."
            : null;
        if (error is null)
        {
            key = new ModelKey(owner!, name!, version!);
        }

        return error is null;
    }

    /// <summary>Parses <c>owner/name</c> and a version.</summary>
    public static bool TryParse(string? modelId, string? version, [NotNullWhen(true)] out ModelKey? key, [NotNullWhen(false)] out string? error)
    {
        var parts = modelId?.Split('/') ?? [];
        if (parts.Length != 2)
        {
            key = null;
            error = $"'{Printable(modelId)}' is not a model id of the form owner/name.";
            return false;
        }

        return TryCreate(parts[0], parts[1], version, out key, out error);
    }

    /// <summary>Reads a catalog sort key back.</summary>
    public static ModelKey FromCatalogKey(string catalogKey)
    {
        var parts = catalogKey.Split('/');
        return parts.Length == 3 && TryCreate(parts[0], parts[1], parts[2], out var key, out _)
            ? key
            : throw new FormatException($"Catalog key '{catalogKey}' is not owner/name/version.");
    }

    /// <inheritdoc />
    public override string ToString() => $"{ModelId}@{Version}";

    private static bool IsSegment(string? value) =>
        value is { Length: > 0 and <= 96 } && Segment().IsMatch(value) && !value.Contains("..", StringComparison.Ordinal);

    // Echoed in problem details: control characters are shown escaped, long values cut.
    private static string Printable(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var cut = value.Length > 100 ? value[..100] + "..." : value;
        return string.Concat(cut.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();

    // The regular expression recommended by semver.org, anchored with \z: "$" would also accept a trailing newline.
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SemVer();
}
