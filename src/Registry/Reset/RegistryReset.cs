using Registry.Catalog;
using Registry.Hosting;
using Registry.Storage;

namespace Registry.Reset;

/// <summary>
/// DELETE /reset as one procedure that a user sees as atomic: the catalog is emptied before the
/// stores, so at every moment each listed model still has its archive; nothing takes a lock that a
/// download holds (PostgreSQL rows are deleted, not the table dropped, so streaming readers finish on
/// their snapshot); every step is idempotent and a marker records an unfinished reset, which the
/// next reset or the next start completes.
/// </summary>
internal sealed class RegistryReset(
    ResetGate gate, ResetMarker marker, IModelCatalog catalog, ArchiveStores stores, IEnumerable<IResettable> others, ILogger<RegistryReset> logger) : IStartupTask
{
    /// <summary>Runs a reset; false when another one is already running.</summary>
    public async Task<bool> RunAsync(string reason, CancellationToken cancellationToken)
    {
        if (!gate.TryEnter())
        {
            return false;
        }

        try
        {
            await marker.SetPendingAsync(cancellationToken);
            foreach (var other in others)
            {
                await other.ResetAsync(cancellationToken);
            }

            await catalog.ResetAsync(cancellationToken);
            catalog.Invalidate();
            foreach (var store in stores.All)
            {
                await store.ResetAsync(cancellationToken);
            }

            await marker.ClearAsync(cancellationToken);
            logger.LogWarning("Registry reset ({Reason}): every model, archive and performance run deleted", reason);
            return true;
        }
        finally
        {
            gate.Exit();
        }
    }

    /// <summary>At start: finishes a reset that an earlier process began and did not finish.</summary>
    async Task IStartupTask.RunAsync(CancellationToken cancellationToken)
    {
        await marker.EnsureCreatedAsync(cancellationToken);
        if (await marker.IsPendingAsync(cancellationToken))
        {
            logger.LogWarning("An earlier reset did not finish; completing it now");
            await RunAsync("completing an interrupted reset", cancellationToken);
        }
    }
}
