using Microsoft.Extensions.Options;
using Registry.Options;

namespace Registry.Storage;

/// <summary>Both stores: the configured one takes uploads; reads go to whichever holds the archive.</summary>
internal sealed class ArchiveStores(S3ArchiveStore s3, PostgresArchiveStore postgres, IOptions<PerformanceOptions> options)
{
    /// <summary>The store new uploads go to.</summary>
    public IArchiveStore Active => options.Value.StorageBackend == StorageBackend.Postgres ? postgres : s3;

    /// <summary>Every store, for reset and health.</summary>
    public IReadOnlyList<IArchiveStore> All => [s3, postgres];

    /// <summary>The store named in a catalog record.</summary>
    public IArchiveStore Named(string name) => name == postgres.Name ? postgres : s3;
}
