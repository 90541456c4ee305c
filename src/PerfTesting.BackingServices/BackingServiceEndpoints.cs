namespace PerfTesting.BackingServices;

/// <summary>The three backing services every test and the registry need, however they were provided.</summary>
/// <param name="Kind">The provider that supplied them.</param>
/// <param name="S3">The S3-compatible endpoint.</param>
/// <param name="DynamoDb">The DynamoDB-compatible endpoint.</param>
/// <param name="PostgresConnectionString">An Npgsql connection string to a server where the user may create databases.</param>
/// <param name="Redis">A Redis for the shared cache (<c>host:port</c>), or null where the provider has none (external without PERF_REDIS).</param>
public sealed record BackingServiceEndpoints(
    BackingServiceKind Kind,
    AwsEndpoint S3,
    AwsEndpoint DynamoDb,
    string PostgresConnectionString,
    string? Redis = null);
