using System.Collections.Concurrent;

namespace Registry.Storage;

/// <summary>
/// Presigned GET URLs of archive objects, kept and reused while they have long to live: an archive
/// read from S3 is one plain HTTP GET of such a URL instead of an SDK GetObject call.
/// </summary>
/// <remarks>
/// Measured with <c>RegistryBench cost</c>: one SDK GetObject cost the registry about 59 KiB of
/// allocations and a few milliseconds of CPU (endpoint rules, user agent, signing, header copies),
/// more than the rest of a download's fixed cost together; presigning costs about as much again, so
/// a URL is signed once per <see cref="Renewal"/> and archive and then reused. Storage keys hold the
/// archive's SHA-256, so a URL always names the same bytes; a URL of a deleted object answers 404,
/// which reads as a deleted archive. At most <see cref="MaxUrls"/> are kept (all dropped past that).
/// </remarks>
internal sealed class S3ReadUrls(TimeProvider time)
{
    /// <summary>How long a signed URL is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>How long a URL is reused; it then still has <see cref="Lifetime"/> minus this to live, enough for any read to start.</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromMinutes(5);

    /// <summary>Most URLs kept.</summary>
    public const int MaxUrls = 10_000;

    private readonly ConcurrentDictionary<string, (Uri Url, DateTimeOffset RenewAt)> _urls = new(StringComparer.Ordinal);

    /// <summary>A URL of the object that stays valid for at least <see cref="Lifetime"/> minus <see cref="Renewal"/>.</summary>
    public async ValueTask<Uri> GetAsync(string key, Func<string, TimeSpan, Task<Uri>> presign)
    {
        ArgumentNullException.ThrowIfNull(presign);
        var now = time.GetUtcNow();
        if (_urls.TryGetValue(key, out var kept) && now < kept.RenewAt)
        {
            return kept.Url;
        }

        var url = await presign(key, Lifetime).ConfigureAwait(false);
        if (_urls.Count >= MaxUrls)
        {
            _urls.Clear();
        }

        _urls[key] = (url, now + Renewal);
        return url;
    }

    /// <summary>Forgets every URL (reset).</summary>
    public void Clear() => _urls.Clear();
}
