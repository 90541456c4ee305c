using System.ComponentModel.DataAnnotations;

namespace Registry.Options;

/// <summary>
/// The performance toggles of the seed's <c>performance_config.json</c> (snake_case keys, under the
/// <c>Performance</c> section). <c>STORAGE_BACKEND=s3|postgres</c> overrides the backend.
/// Validated at startup: an invalid value stops the registry with the option's name.
/// </summary>
internal sealed class PerformanceOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Performance";

    /// <summary>Where archives are stored. <value>Default: S3.</value></summary>
    [ConfigurationKeyName("storage_backend")]
    public StorageBackend StorageBackend { get; set; } = StorageBackend.S3;

    /// <summary>
    /// Metadata lookups and list pages cached in this instance's memory (a HybridCache without a second
    /// level); invalidated by upload and reset on this instance only. <value>Default: off.</value>
    /// </summary>
    [ConfigurationKeyName("metadata_cache_enabled")]
    public bool MetadataCacheEnabled { get; set; }

    /// <summary>
    /// The metadata cache shared by every instance through Redis (<c>BackingServices:Redis</c>), with
    /// invalidation seen by every instance at once; implies <see cref="MetadataCacheEnabled"/>.
    /// Off means no Redis is needed. <value>Default: off.</value>
    /// </summary>
    [ConfigurationKeyName("redis_cache_enabled")]
    public bool RedisCacheEnabled { get; set; }

    /// <summary>How long a cached model record (metadata get, the download's lookup) stays valid. <value>Default: 60 s.</value></summary>
    [ConfigurationKeyName("metadata_cache_ttl_seconds")]
    [Range(1, 86_400)]
    public int MetadataCacheTtlSeconds { get; set; } = 60;

    /// <summary>How long a cached list page stays valid; uploads invalidate lists anyway. <value>Default: 30 s.</value></summary>
    [ConfigurationKeyName("list_cache_ttl_seconds")]
    [Range(1, 86_400)]
    public int ListCacheTtlSeconds { get; set; } = 30;

    /// <summary>
    /// Connect and command timeout for Redis: the longest a request waits on a Redis that has stopped
    /// answering before it goes to the store. <value>Default: 250 ms.</value>
    /// </summary>
    [ConfigurationKeyName("redis_timeout_ms")]
    [Range(10, 10_000)]
    public int RedisTimeoutMs { get; set; } = 250;

    /// <summary>Largest number of pooled PostgreSQL connections per instance. <value>Default: 200.</value></summary>
    [ConfigurationKeyName("postgres_max_pool_size")]
    [Range(1, 1_000)]
    public int PostgresMaxPoolSize { get; set; } = 200;

    /// <summary>PostgreSQL connections kept open while idle. <value>Default: 0.</value></summary>
    [ConfigurationKeyName("postgres_min_pool_size")]
    [Range(0, 1_000)]
    public int PostgresMinPoolSize { get; set; }

    /// <summary>True when lookups go through the metadata cache, shared or not.</summary>
    public bool AnyMetadataCache => MetadataCacheEnabled || RedisCacheEnabled;

    /// <summary>
    /// A streamed download of an archive read before skips the catalog lookup: the store's read of the
    /// content-addressed storage key checks it, and a key with nothing under it sends the download to
    /// the catalog (Catalog/DownloadRecords says why this is correct across instances). Not used with
    /// presigned redirects or the archive cache, which look the catalog up every time. <value>Default: on.</value>
    /// </summary>
    [ConfigurationKeyName("remember_downloaded_archives")]
    public bool RememberDownloadedArchives { get; set; } = true;

    /// <summary>Downloads answered with a redirect to a presigned S3 URL (S3 backend only). <value>Default: off.</value></summary>
    [ConfigurationKeyName("presigned_urls_enabled")]
    public bool PresignedUrlsEnabled { get; set; }

    /// <summary>Lifetime of a presigned URL. <value>Default: 300 s (5 minutes).</value></summary>
    [ConfigurationKeyName("presigned_url_expiry_seconds")]
    [Range(1, 604_800)]
    public int PresignedUrlExpirySeconds { get; set; } = 300;

    /// <summary>
    /// The most bytes of an archive read from the store (or the cache file) at a time, straight into the
    /// response's memory. A value above 64 KiB (one block of the registry's transport pool) reads 64 KiB
    /// at a time. <value>Default: 65536 bytes.</value>
    /// </summary>
    [ConfigurationKeyName("stream_buffer_bytes")]
    [Range(4096, 16 * 1024 * 1024)]
    public int StreamBufferBytes { get; set; } = 65_536;

    /// <summary>Largest number of pooled connections to one S3 endpoint. <value>Default: 100.</value></summary>
    [ConfigurationKeyName("s3_max_connections")]
    [Range(1, 10_000)]
    public int S3MaxConnections { get; set; } = 100;

    /// <summary>Archives served from a bounded local disk cache after their first read. <value>Default: off.</value></summary>
    [ConfigurationKeyName("archive_cache_enabled")]
    public bool ArchiveCacheEnabled { get; set; }

    /// <summary>
    /// Where the archive cache keeps its files (an absolute path; each process uses its own
    /// subdirectory). <value>Default: empty, meaning the system temporary directory.</value>
    /// </summary>
    [ConfigurationKeyName("archive_cache_directory")]
    [MaxLength(1024)]
    public string ArchiveCacheDirectory { get; set; } = "";

    /// <summary>Size bound of the archive cache; larger archives are streamed. <value>Default: 2 GiB.</value></summary>
    [ConfigurationKeyName("archive_cache_max_bytes")]
    [Range(1L << 20, 1L << 40)]
    public long ArchiveCacheMaxBytes { get; set; } = 2L << 30;

    /// <summary>Workloads that may run at once; more get 429. <value>Default: 2.</value></summary>
    [ConfigurationKeyName("max_concurrent_runs")]
    [Range(1, 16)]
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>p99 bound of a workload's SLA, for the performance health status. <value>Default: 60000 ms.</value></summary>
    [ConfigurationKeyName("workload_sla_p99_ms")]
    [Range(1, 3_600_000)]
    public double WorkloadSlaP99Ms { get; set; } = 60_000;

    /// <summary>Error-rate bound of a workload's SLA. <value>Default: 0.01.</value></summary>
    [ConfigurationKeyName("workload_sla_error_rate")]
    [Range(0, 1)]
    public double WorkloadSlaErrorRate { get; set; } = 0.01;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ArchiveCacheDirectory.Length > 0 && !Path.IsPathFullyQualified(ArchiveCacheDirectory))
        {
            yield return new ValidationResult("archive_cache_directory must be an absolute path (or empty for the system temporary directory).", [nameof(ArchiveCacheDirectory)]);
        }

        if (PostgresMinPoolSize > PostgresMaxPoolSize)
        {
            yield return new ValidationResult(
                $"Performance:postgres_min_pool_size ({PostgresMinPoolSize}) must not exceed postgres_max_pool_size ({PostgresMaxPoolSize}).",
                [nameof(PostgresMinPoolSize)]);
        }
    }
}
