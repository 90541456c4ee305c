using System.Diagnostics.Metrics;
using Registry.Caching;

namespace Registry.Diagnostics;

/// <summary>
/// The registry's own instruments, on the Meter <see cref="MeterName"/>. One instrument per component
/// (rather than one with a tag) so that a white-box capture can attribute request time to S3,
/// PostgreSQL or DynamoDB by name. Durations are in seconds, like ASP.NET Core's.
/// </summary>
internal sealed class RegistryMetrics : IDisposable
{
    /// <summary>The Meter's name.</summary>
    public const string MeterName = "Acme.Registry";

    /// <summary>Reading an archive from S3: from the GET to the last byte handed to the response.</summary>
    public const string S3Read = "registry.s3.read.duration";

    /// <summary>Reading an archive from PostgreSQL, the same span as <see cref="S3Read"/>.</summary>
    public const string PostgresRead = "registry.postgres.read.duration";

    /// <summary>Time from asking the store for an archive to its first byte.</summary>
    public const string StorageFirstByte = "registry.storage.first_byte.duration";

    /// <summary>A DynamoDB catalog lookup.</summary>
    public const string DynamoDbLookup = "registry.dynamodb.lookup.duration";

    /// <summary>
    /// Every DynamoDB call the registry makes, client side (the SDK's retries included), tagged
    /// <c>operation</c> with the API's name (GetItem, PutItem, Query, BatchWriteItem, ...). One
    /// instrument with a tag rather than one per operation: the set of operations is the SDK's, and a
    /// tag-aware listener splits it (the performance track's per-operation table).
    /// </summary>
    public const string DynamoDbOperation = "registry.dynamodb.operation.duration";

    /// <summary>
    /// Validating a request's credentials in the bearer handler, tagged <c>result</c>: none (no
    /// Authorization header), success or failure.
    /// </summary>
    public const string AuthValidation = "registry.auth.validation.duration";

    /// <summary>The download handler, end to end.</summary>
    public const string DownloadDuration = "registry.download.duration";

    /// <summary>Archive bytes sent to clients.</summary>
    public const string BytesSent = "registry.download.bytes";

    /// <summary>Requests being processed now.</summary>
    public const string ActiveRequests = "registry.requests.active";

    /// <summary>
    /// Every failure talking to a backing service, counted once, tagged <see cref="ComponentTag"/> (s3,
    /// postgres, dynamodb, or aws / network for a failure outside the guarded calls). Analysers tell the
    /// services apart by that tag (<see cref="RegistryComponents"/>), with a capture that breaks the
    /// counter down by it.
    /// </summary>
    public const string StorageErrors = "registry.storage.errors";

    /// <summary>The tag key of <see cref="StorageErrors"/> that names the failing service.</summary>
    public const string ComponentTag = "component";

    /// <summary>Waiting for a pooled PostgreSQL connection (open, or taken from the pool); long when the pool is too small.</summary>
    public const string PostgresPoolWait = "registry.postgres.pool_wait.duration";

    /// <summary>Metadata-cache lookups answered without reading the store (tag <c>kind</c>: model or list).</summary>
    public const string CacheHits = "registry.cache.hits";

    /// <summary>Metadata-cache lookups that read the store.</summary>
    public const string CacheMisses = "registry.cache.misses";

    /// <summary>Lookups that went straight to the store because the shared cache (Redis) did not answer.</summary>
    public const string CacheBypasses = "registry.cache.bypasses";

    /// <summary>Whole kinds of cached entries evicted by invalidation (tags <c>kind</c> and <c>reason</c>: upload or reset).</summary>
    public const string CacheEvictions = "registry.cache.evictions";

    private readonly Meter _meter;
    private readonly Histogram<double> _poolWait;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _cacheBypasses;
    private readonly Counter<long> _cacheEvictions;
    private readonly Histogram<double> _s3Read;
    private readonly Histogram<double> _postgresRead;
    private readonly Histogram<double> _firstByte;
    private readonly Histogram<double> _lookup;
    private readonly Histogram<double> _download;
    private readonly Histogram<double> _dynamoOperation;
    private readonly Histogram<double> _authValidation;
    private readonly Counter<long> _bytes;
    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _errors;

    /// <summary>Creates the instruments on a Meter from the factory (one per service provider).</summary>
    public RegistryMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _s3Read = _meter.CreateHistogram<double>(S3Read, "s", "S3 archive read, GET to last byte");
        _postgresRead = _meter.CreateHistogram<double>(PostgresRead, "s", "PostgreSQL archive read, query to last byte");
        _firstByte = _meter.CreateHistogram<double>(StorageFirstByte, "s", "Archive store time to first byte");
        _lookup = _meter.CreateHistogram<double>(DynamoDbLookup, "s", "DynamoDB catalog lookup");
        _download = _meter.CreateHistogram<double>(DownloadDuration, "s", "Download handler, end to end");
        _dynamoOperation = _meter.CreateHistogram<double>(DynamoDbOperation, "s", "DynamoDB call, client side, by operation");
        _authValidation = _meter.CreateHistogram<double>(AuthValidation, "s", "Bearer token validation, by result");
        _bytes = _meter.CreateCounter<long>(BytesSent, "By", "Archive bytes sent");
        _active = _meter.CreateUpDownCounter<long>(ActiveRequests, "{request}", "Requests in progress");
        _errors = _meter.CreateCounter<long>(StorageErrors, "{error}", "Backing service failures, by component");
        _poolWait = _meter.CreateHistogram<double>(PostgresPoolWait, "s", "Wait for a pooled PostgreSQL connection");
        _cacheHits = _meter.CreateCounter<long>(CacheHits, "{lookup}", "Metadata lookups served by the cache");
        _cacheMisses = _meter.CreateCounter<long>(CacheMisses, "{lookup}", "Metadata lookups that read the store");
        _cacheBypasses = _meter.CreateCounter<long>(CacheBypasses, "{lookup}", "Metadata lookups that bypassed an unavailable cache");
        _cacheEvictions = _meter.CreateCounter<long>(CacheEvictions, "{invalidation}", "Cache invalidations by kind and reason");
    }

    public void RecordStorageRead(string backend, TimeSpan elapsed) =>
        (backend == "postgres" ? _postgresRead : _s3Read).Record(elapsed.TotalSeconds);

    public void RecordFirstByte(TimeSpan elapsed) => _firstByte.Record(elapsed.TotalSeconds);

    public void RecordCatalogLookup(TimeSpan elapsed, string operation) =>
        _lookup.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    public void RecordDynamoDbOperation(TimeSpan elapsed, string operation, string origin) =>
        _dynamoOperation.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("origin", origin));

    public void RecordAuthValidation(TimeSpan elapsed, string result) =>
        _authValidation.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("result", result));

    public void RecordDownload(TimeSpan elapsed, long bytes)
    {
        _download.Record(elapsed.TotalSeconds);
        _bytes.Add(bytes);
    }

    public void RequestStarted() => _active.Add(1);

    public void RequestEnded() => _active.Add(-1);

    /// <summary>Counts a failure of <paramref name="component"/> (a <see cref="Resilience.BackingServiceNames"/> name, or aws / network), once.</summary>
    public void RecordError(string component) => _errors.Add(1, new KeyValuePair<string, object?>(ComponentTag, component));

    public void RecordPoolWait(TimeSpan elapsed) => _poolWait.Record(elapsed.TotalSeconds);

    public void RecordCacheHit(CacheKind kind) => _cacheHits.Add(1, Kind(kind));

    public void RecordCacheMiss(CacheKind kind) => _cacheMisses.Add(1, Kind(kind));

    public void RecordCacheBypass(CacheKind kind) => _cacheBypasses.Add(1, Kind(kind));

    public void RecordCacheInvalidation(CacheKind kind, string reason) =>
        _cacheEvictions.Add(1, Kind(kind), new KeyValuePair<string, object?>("reason", reason));

    private static KeyValuePair<string, object?> Kind(CacheKind kind) => new("kind", kind == CacheKind.Model ? "model" : "list");

    public void Dispose() => _meter.Dispose();
}
