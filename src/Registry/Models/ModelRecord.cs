namespace Registry.Models;

/// <summary>One model version in the catalog.</summary>
/// <param name="Key">Owner, name and version.</param>
/// <param name="Archive">The stored archive, or null for a metadata-only model.</param>
/// <param name="Metadata">Free-form string metadata given at upload.</param>
/// <param name="CreatedAt">When the version was first stored.</param>
internal sealed record ModelRecord(ModelKey Key, ArchiveInfo? Archive, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset CreatedAt);
