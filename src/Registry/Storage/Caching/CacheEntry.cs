using Registry.Models;

namespace Registry.Storage.Caching;

/// <summary>One archive in the cache; every field but the immutable ones is guarded by the cache's lock.</summary>
internal sealed class CacheEntry
{
    public CacheEntry(string key, ArchiveInfo archive, string path)
    {
        Key = key;
        Archive = archive;
        Path = path;
        Recency = new LinkedListNode<CacheEntry>(this);
    }

    public string Key { get; }

    public ArchiveInfo Archive { get; }

    public string Path { get; }

    public LinkedListNode<CacheEntry> Recency { get; }

    /// <summary>The fill; true when the file is complete and verified.</summary>
    public Task<bool> Fill { get; set; } = Task.FromResult(false);

    /// <summary>The file is complete, verified and counted in the cache's size.</summary>
    public bool Ready { get; set; }

    /// <summary>No longer in the cache; the file goes when <see cref="Leases"/> reaches zero.</summary>
    public bool Removed { get; set; }

    /// <summary>Responses sending the file now.</summary>
    public int Leases { get; set; }
}
