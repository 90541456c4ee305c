using Registry.Models;

namespace Registry.Catalog;

/// <summary>Model metadata: one record per owner/name/version.</summary>
internal interface IModelCatalog
{
    /// <summary>The record, or null.</summary>
    Task<ModelRecord?> GetAsync(ModelKey key, CancellationToken cancellationToken);

    /// <summary>Adds the record unless the version exists; returns the record that is stored afterwards.</summary>
    Task<(bool Added, ModelRecord Stored)> TryAddAsync(ModelRecord record, CancellationToken cancellationToken);

    /// <summary>Removes the record if present (an upload undoing itself after a reset overtook it); true when it was there.</summary>
    Task<bool> RemoveAsync(ModelKey key, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> records after <paramref name="after"/>, in key order.</summary>
    Task<ModelPage> ListAsync(int limit, ModelKey? after, CancellationToken cancellationToken);

    /// <summary>Creates the table if it is missing.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    /// <summary>Deletes every record; the table stays, so requests during a reset see fewer models, never an error.</summary>
    Task ResetAsync(CancellationToken cancellationToken);

    /// <summary>Forgets whatever is cached (no-op without a cache).</summary>
    void Invalidate();
}
