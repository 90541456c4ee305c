namespace Registry.Caching;

/// <summary>Where the cache's generations live: in this process, or in Redis shared by every instance.</summary>
internal interface ICacheGenerations
{
    /// <summary>Raised when a generation was bumped here or, through Redis pub/sub, on another instance.</summary>
    event Action<CacheKind>? Invalidated;

    /// <summary>The current generations, or null when they cannot be read now (Redis down): the caller bypasses the cache.</summary>
    ValueTask<CacheGeneration?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Bumps the generation of <paramref name="kind"/> on every instance; returns false when it could not (Redis down).</summary>
    ValueTask<bool> BumpAsync(CacheKind kind, CancellationToken cancellationToken);
}
