using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Registry.Hosting;
using Registry.Models;

namespace Registry.Catalog;

/// <summary>
/// The archives of models downloaded before, by model key, so that a download streamed from a store can
/// skip the catalog lookup (a DynamoDB GetItem: about 30 KiB allocated and a round trip to DynamoDB per
/// download, most of a download's fixed cost, docs/bench/registry-vs-direct.md). Only the streamed path
/// uses it, because there the store's read checks the entry; redirects and the archive cache look up
/// the catalog every time.
/// </summary>
/// <remarks>
/// Why an entry cannot serve wrong bytes, on this instance or across instances, with no invalidation
/// message: a stored version never changes (a different upload of it gets 409), and its storage key
/// holds the archive's SHA-256, so whatever that key reads is the recorded archive. A version goes away
/// only by reset (every instance's stores are emptied after the catalog) or by an upload undoing itself
/// (its archive is deleted right after its record). Either way the read of the key finds nothing, and
/// the download forgets the entry and looks the catalog up again (ModelDownload): a new upload under the
/// same version is then found as it would be without this cache, and a missing one is a 404. Only versions the
/// catalog found are kept (when their streamed download starts), so a new version is visible at once. The one difference a user can see is the
/// instant between a reset's catalog step and its store step, where a download still gets the bytes;
/// a download whose lookup ran just before the reset gets them too.
/// At most <see cref="MaxEntries"/> are kept (all dropped past that); a reset on this instance drops them all.
/// </remarks>
internal sealed class DownloadRecords : IResettable
{
    /// <summary>Most entries kept.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<ModelKey, ArchiveInfo> _archives = new();

    /// <summary>The archive recorded for the model when it was last downloaded, unchecked.</summary>
    public bool TryGet(ModelKey key, [NotNullWhen(true)] out ArchiveInfo? archive) => _archives.TryGetValue(key, out archive);

    /// <summary>Keeps the archive the catalog gave for the model.</summary>
    public void Remember(ModelKey key, ArchiveInfo archive)
    {
        if (_archives.Count >= MaxEntries)
        {
            _archives.Clear();
        }

        _archives[key] = archive;
    }

    /// <summary>Drops the entry (its archive was not found under its storage key).</summary>
    public void Forget(ModelKey key) => _archives.TryRemove(key, out _);

    public Task ResetAsync(CancellationToken cancellationToken)
    {
        _archives.Clear();
        return Task.CompletedTask;
    }
}
