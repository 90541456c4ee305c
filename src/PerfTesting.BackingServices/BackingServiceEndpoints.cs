namespace PerfTesting.BackingServices;

/// <summary>The three backing services every test and the registry need, however they were provided.</summary>
/// <param name="Kind">The provider that supplied them.</param>
/// <param name="S3">The S3-compatible endpoint.</param>
/// <param name="DynamoDb">The DynamoDB-compatible endpoint.</param>
/// <param name="PostgresConnectionString">An Npgsql connection string to a server where the user may create databases.</param>
public sealed record BackingServiceEndpoints(
    BackingServiceKind Kind,
    AwsEndpoint S3,
    AwsEndpoint DynamoDb,
    string PostgresConnectionString);
