using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Options;

namespace Registry.Hosting;

/// <summary>
/// Clients for the backing services named in configuration (<see cref="BackingServiceOptions"/>),
/// created at startup before the server accepts requests. Touching a client before that is a
/// programming error.
/// </summary>
internal sealed class BackingServiceClients(
    IOptions<BackingServiceOptions> endpoints,
    IOptions<RegistryOptions> registry,
    IOptions<PerformanceOptions> performance) : IAsyncDisposable
{
    private AmazonS3Client? _s3;
    private AmazonDynamoDBClient? _dynamo;
    private NpgsqlDataSource? _postgres;

    public IAmazonS3 S3 => _s3 ?? throw NotStarted();

    public IAmazonDynamoDB DynamoDb => _dynamo ?? throw NotStarted();

    public NpgsqlDataSource Postgres => _postgres ?? throw NotStarted();

    /// <summary>Creates the clients and the registry's PostgreSQL database.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _s3 = AwsClientFactory.CreateS3Client(endpoints.Value, config => config.MaxConnectionsPerServer = performance.Value.S3MaxConnections);
        _dynamo = AwsClientFactory.CreateDynamoDbClient(endpoints.Value);
        var connectionString = await PostgresDatabases.CreateAsync(endpoints.Value.Postgres, registry.Value.Database, cancellationToken);
        _postgres = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = performance.Value.PostgresMaxPoolSize,
            MinPoolSize = performance.Value.PostgresMinPoolSize,
        }.ConnectionString).Build();
    }

    public async ValueTask DisposeAsync()
    {
        _s3?.Dispose();
        _dynamo?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("The backing services are not started yet.");
}
