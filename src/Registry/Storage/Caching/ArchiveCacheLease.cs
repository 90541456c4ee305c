namespace Registry.Storage.Caching;

/// <summary>A cached archive file kept on disk while a response sends it.</summary>
internal sealed class ArchiveCacheLease : IDisposable
{
    private readonly ArchiveCache _cache;
    private readonly CacheEntry _entry;
    private int _disposed;

    internal ArchiveCacheLease(ArchiveCache cache, CacheEntry entry)
    {
        _cache = cache;
        _entry = entry;
    }

    /// <summary>The verified file.</summary>
    public string Path => _entry.Path;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _cache.Release(_entry);
        }
    }
}
