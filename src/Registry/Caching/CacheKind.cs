namespace Registry.Caching;

/// <summary>The kinds of cached data; each has its own TTL and its own invalidation.</summary>
internal enum CacheKind
{
    /// <summary>One model version's record (metadata get, the download's lookup).</summary>
    Model,

    /// <summary>A page of <c>GET /models</c>.</summary>
    List,
}
