namespace Registry.Models;

/// <summary>Where and what an archive is.</summary>
/// <param name="StorageKey">Key in the archive store; includes the content hash, so different bytes never overwrite each other.</param>
/// <param name="SizeBytes">Length in bytes.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the bytes.</param>
/// <param name="Backend">The store that holds it ("s3" or "postgres").</param>
internal sealed record ArchiveInfo(string StorageKey, long SizeBytes, string Sha256, string Backend);
