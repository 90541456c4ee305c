namespace PerfTesting.BackingServices;

/// <summary>
/// The endpoints of the backing services a provider started (or was given). Reading a service that was not
/// asked for (see <see cref="BackingService"/>) throws with the service's name instead of handing out a null.
/// </summary>
public sealed record BackingServiceEndpoints
{
    private readonly AwsEndpoint? _s3;
    private readonly AwsEndpoint? _dynamoDb;
    private readonly string? _postgres;

    /// <summary>The endpoints; a null one is a service that was not started.</summary>
    /// <param name="kind">The provider that supplied them.</param>
    /// <param name="s3">The S3-compatible endpoint, or null.</param>
    /// <param name="dynamoDb">The DynamoDB-compatible endpoint, or null.</param>
    /// <param name="postgresConnectionString">An Npgsql connection string to a server where the user may create databases, or null.</param>
    /// <param name="redis">A Redis (<c>host:port</c>), or null.</param>
    public BackingServiceEndpoints(BackingServiceKind kind, AwsEndpoint? s3, AwsEndpoint? dynamoDb, string? postgresConnectionString, string? redis = null)
    {
        Kind = kind;
        _s3 = s3;
        _dynamoDb = dynamoDb;
        _postgres = postgresConnectionString;
        Redis = redis;
    }

    /// <summary>The provider that supplied them.</summary>
    public BackingServiceKind Kind { get; init; }

    /// <summary>The S3-compatible endpoint.</summary>
    /// <exception cref="InvalidOperationException">S3 was not started.</exception>
    public AwsEndpoint S3 { get => _s3 ?? throw NotStarted(BackingService.S3); init => _s3 = value; }

    /// <summary>The DynamoDB-compatible endpoint.</summary>
    /// <exception cref="InvalidOperationException">DynamoDB was not started.</exception>
    public AwsEndpoint DynamoDb { get => _dynamoDb ?? throw NotStarted(BackingService.DynamoDb); init => _dynamoDb = value; }

    /// <summary>An Npgsql connection string to a server where the user may create databases.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL was not started.</exception>
    public string PostgresConnectionString { get => _postgres ?? throw NotStarted(BackingService.Postgres); init => _postgres = value; }

    /// <summary>A Redis for the shared cache (<c>host:port</c>), or null where none was started (or external without PERF_REDIS).</summary>
    public string? Redis { get; init; }

    /// <summary>The services these endpoints hold.</summary>
    public BackingService Services =>
        (_s3 is null ? BackingService.None : BackingService.S3)
        | (_dynamoDb is null ? BackingService.None : BackingService.DynamoDb)
        | (_postgres is null ? BackingService.None : BackingService.Postgres)
        | (Redis is null ? BackingService.None : BackingService.Redis);

    // The synthesized ToString would read the throwing properties; print what was started instead.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind).Append(", Services = ").Append(Services);
        return true;
    }

    private static InvalidOperationException NotStarted(BackingService service) =>
        new($"{service} was not started: ask for it when starting the services (BackingService.{service}).");
}
