namespace Registry.Resilience;

/// <summary>The names the registry gives its backing services in 503 answers, health and metrics.</summary>
internal static class BackingServiceNames
{
    public const string S3 = "s3";
    public const string DynamoDb = "dynamodb";
    public const string Postgres = "postgres";

    public static IReadOnlyList<string> All { get; } = [S3, DynamoDb, Postgres];
}
