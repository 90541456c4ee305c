namespace PerfTesting.BackingServices;

/// <summary>
/// Which services a test needs. Only these start: a test of a PostgreSQL repository asks for
/// <see cref="Postgres"/> and never waits for Node.js, s3rver, dynalite or Redis.
/// </summary>
[Flags]
public enum BackingService
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>An S3-compatible store (s3rver, LocalStack or real S3).</summary>
    S3 = 1,

    /// <summary>A DynamoDB-compatible database (dynalite, LocalStack or real DynamoDB).</summary>
    DynamoDb = 2,

    /// <summary>A PostgreSQL server where the user may create databases.</summary>
    Postgres = 4,

    /// <summary>A Redis server.</summary>
    Redis = 8,

    /// <summary>Every service: what <see cref="BackingServicesLauncher.StartAsync(BackingServiceKind, CancellationToken)"/> starts.</summary>
    All = S3 | DynamoDb | Postgres | Redis,
}
