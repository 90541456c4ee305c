using Microsoft.Extensions.Options;
using Registry.Options;
using Registry.Resilience;

namespace Registry.Storage;

/// <summary>
/// Both stores, each behind its service's timeout and circuit breaker: the configured one takes
/// uploads; reads go to whichever holds the archive.
/// </summary>
internal sealed class ArchiveStores(S3ArchiveStore s3, PostgresArchiveStore postgres, BackingServiceGuards guards, IOptions<PerformanceOptions> options, IOptions<ResilienceOptions> resilience, TimeProvider time)
{
    private readonly IArchiveStore _s3 = new GuardedArchiveStore(s3, guards.S3, resilience.Value, time);
    private readonly IArchiveStore _postgres = new GuardedArchiveStore(postgres, guards.Postgres, resilience.Value, time);

    /// <summary>The store new uploads go to.</summary>
    public IArchiveStore Active => options.Value.StorageBackend == StorageBackend.Postgres ? _postgres : _s3;

    /// <summary>Every store, for reset and health.</summary>
    public IReadOnlyList<IArchiveStore> All => [_s3, _postgres];

    /// <summary>The store named in a catalog record.</summary>
    public IArchiveStore Named(string name) => name == postgres.Name ? _postgres : _s3;
}
