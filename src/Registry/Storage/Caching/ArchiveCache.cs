using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Registry.Hosting;
using Registry.Models;
using Registry.Options;

namespace Registry.Storage.Caching;

/// <summary>
/// The hot-archive cache: a bounded local disk copy of archives, filled on first read and served
/// from disk afterwards (positional file reads, ranges included). A fill is byte-exact or nothing:
/// the bytes are hashed while they are written and kept only when they match the SHA-256 the catalog
/// recorded. Concurrent first reads share one fill (the others wait for it, then read the file);
/// least recently used files are evicted when a new one would pass the size bound; a file being
/// sent when it is evicted is deleted when its last reader finishes. Uploads of a model and reset
/// drop what is cached for it. Each registry process uses its own subdirectory, removed on dispose.
/// </summary>
internal sealed class ArchiveCache : IResettable, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<CacheEntry> _recency = new();
    private readonly ArchiveStores _stores;
    private readonly ILogger<ArchiveCache> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private long _cachedBytes;
    private long _fills;
    private int _disposed;

    public ArchiveCache(ArchiveStores stores, IOptions<PerformanceOptions> options, ILogger<ArchiveCache> logger)
    {
        _stores = stores;
        _logger = logger;
        var performance = options.Value;
        MaxBytes = performance.ArchiveCacheMaxBytes;
        var root = string.IsNullOrEmpty(performance.ArchiveCacheDirectory)
            ? Path.Combine(Path.GetTempPath(), "acme-registry-archive-cache")
            : performance.ArchiveCacheDirectory;
        Directory = Path.Combine(root, $"{System.Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>This process's cache directory (created on the first fill).</summary>
    public string Directory { get; }

    /// <summary>The size bound.</summary>
    public long MaxBytes { get; }

    /// <summary>Bytes in cached files now.</summary>
    public long CachedBytes
    {
        get
        {
            lock (_gate)
            {
                return _cachedBytes;
            }
        }
    }

    /// <summary>Fills started since the process began (a white-box figure for tests and benchmarks).</summary>
    public long Fills => Interlocked.Read(ref _fills);

    /// <summary>
    /// A lease on the cached file of the archive, filling it first when needed; null when the archive
    /// cannot be cached (larger than the bound, a failed or mismatched fill, evicted at once) and
    /// must be streamed from its store. Dispose the lease once the file is sent.
    /// </summary>
    public async Task<ArchiveCacheLease?> AcquireAsync(ArchiveInfo archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (archive.SizeBytes > MaxBytes)
        {
            return null;
        }

        var key = EntryKey(archive);
        Task<bool> fill;
        lock (_gate)
        {
            if (TryLease(key, archive, out var lease))
            {
                return lease;
            }

            if (_entries.TryGetValue(key, out var filling))
            {
                fill = filling.Fill;
            }
            else
            {
                var entry = new CacheEntry(key, archive, Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".zip"));
                _entries[key] = entry;
                Interlocked.Increment(ref _fills);
                // Not the request's token: a first reader that goes away must not cancel the fill others wait for.
                entry.Fill = Task.Run(() => FillAsync(entry, _stopping.Token), CancellationToken.None);
                fill = entry.Fill;
            }
        }

        if (!await fill.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        lock (_gate)
        {
            // Evicted or invalidated between the fill and now: stream this one through.
            return TryLease(key, archive, out var lease) ? lease : null;
        }
    }

    /// <summary>Drops every cached archive of a model (its upload may have replaced them).</summary>
    public void Invalidate(ModelKey model)
    {
        var prefix = $"models/{model.Owner}/{model.Name}/{model.Version}/";
        lock (_gate)
        {
            foreach (var entry in _entries.Values.Where(e => e.Archive.StorageKey.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                Remove(entry);
            }
        }
    }

    public Task ResetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var entry in _entries.Values.ToList())
            {
                Remove(entry);
            }
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        // Registered under two service types, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        lock (_gate)
        {
            foreach (var entry in _entries.Values.ToList())
            {
                Remove(entry);
            }
        }

        try
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
        catch (IOException e)
        {
            _logger.LogWarning(e, "Could not remove the archive cache directory {Directory}", Directory);
        }

        _stopping.Dispose();
    }

    internal void Release(CacheEntry entry)
    {
        lock (_gate)
        {
            entry.Leases--;
            if (entry.Removed && entry.Leases == 0)
            {
                DeleteFile(entry.Path);
            }
        }
    }

    private static string EntryKey(ArchiveInfo archive) => $"{archive.Backend}:{archive.StorageKey}";

    private bool TryLease(string key, ArchiveInfo archive, out ArchiveCacheLease? lease)
    {
        lease = null;
        if (!_entries.TryGetValue(key, out var entry) || !entry.Ready)
        {
            return false;
        }

        if (!string.Equals(entry.Archive.Sha256, archive.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            // Same key, other bytes: what is cached is stale.
            Remove(entry);
            return false;
        }

        entry.Leases++;
        _recency.Remove(entry.Recency);
        _recency.AddFirst(entry.Recency);
        lease = new ArchiveCacheLease(this, entry);
        return true;
    }

    private async Task<bool> FillAsync(CacheEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            string sha256;
            long length = 0;
            await using (var source = await _stores.Named(entry.Archive.Backend).OpenReadAsync(entry.Archive.StorageKey, null, cancellationToken).ConfigureAwait(false))
            await using (var file = new FileStream(entry.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
                try
                {
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        length += read;
                    }
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }

                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            if (length != entry.Archive.SizeBytes || !string.Equals(sha256, entry.Archive.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                _logger.LogWarning("Not caching {Key}: the store returned {Length} bytes with SHA-256 {Actual}, the catalog says {Expected} bytes with {Sha256}",
                    entry.Key, length, sha256, entry.Archive.SizeBytes, entry.Archive.Sha256);
                return Abandon(entry);
            }

            lock (_gate)
            {
                if (entry.Removed)
                {
                    // Invalidated or reset while filling: the file must not be served.
                    DeleteFile(entry.Path);
                    return false;
                }

                if (!MakeRoom(entry.Archive.SizeBytes))
                {
                    Remove(entry);
                    DeleteFile(entry.Path);
                    return false;
                }

                entry.Ready = true;
                _cachedBytes += entry.Archive.SizeBytes;
                _recency.AddFirst(entry.Recency);
                return true;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The readers stream from the store instead; the next read tries again.
            _logger.LogWarning(e, "Filling the archive cache for {Key} failed", entry.Key);
            return Abandon(entry);
        }
    }

    private bool Abandon(CacheEntry entry)
    {
        lock (_gate)
        {
            Remove(entry);
            DeleteFile(entry.Path);
        }

        return false;
    }

    /// <summary>Evicts least recently used files not being sent until <paramref name="bytes"/> more fit.</summary>
    private bool MakeRoom(long bytes)
    {
        var candidate = _recency.Last;
        while (_cachedBytes + bytes > MaxBytes && candidate is not null)
        {
            var previous = candidate.Previous;
            Remove(candidate.Value);
            candidate = previous;
        }

        return _cachedBytes + bytes <= MaxBytes;
    }

    /// <summary>Forgets an entry; its file goes now, or when the last reader of it finishes.</summary>
    private void Remove(CacheEntry entry)
    {
        if (entry.Removed)
        {
            return;
        }

        entry.Removed = true;
        if (_entries.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry))
        {
            _entries.Remove(entry.Key);
        }

        if (entry.Ready)
        {
            _cachedBytes -= entry.Archive.SizeBytes;
            _recency.Remove(entry.Recency);
        }

        // A file still being filled is deleted by its fill, which checks Removed when it ends.
        if (entry.Ready && entry.Leases == 0)
        {
            DeleteFile(entry.Path);
        }
    }

    private void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            _logger.LogWarning(e, "Could not delete the cached archive {Path}", path);
        }
    }
}
