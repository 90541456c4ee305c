namespace Registry.Options;

/// <summary>Where model archives live; metadata is always in DynamoDB.</summary>
internal enum StorageBackend
{
    /// <summary>An S3 bucket (AWS, LocalStack or s3rver).</summary>
    S3,

    /// <summary>PostgreSQL rows of 1 MiB chunks, for comparison with S3 on the same workload.</summary>
    Postgres,
}
