using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Options;
using Npgsql;
using PerfTesting.Environment;
using Registry.Options;

namespace Registry.Hosting;

/// <summary>
/// Clients for the backing services, created once the endpoints are known (at startup, before the
/// server accepts requests). Touching a client before that is a programming error.
/// </summary>
internal sealed class BackingServiceClients(IOptions<RegistryOptions> registry, IOptions<PerformanceOptions> performance) : IAsyncDisposable
{
    private AmazonS3Client? _s3;
    private AmazonDynamoDBClient? _dynamo;
    private NpgsqlDataSource? _postgres;

    /// <summary>The endpoints in use.</summary>
    public BackingServiceEndpoints? Endpoints { get; private set; }

    public IAmazonS3 S3 => _s3 ?? throw NotStarted();

    public IAmazonDynamoDB DynamoDb => _dynamo ?? throw NotStarted();

    public NpgsqlDataSource Postgres => _postgres ?? throw NotStarted();

    /// <summary>Creates the clients and the registry's PostgreSQL database.</summary>
    public async Task StartAsync(BackingServiceEndpoints endpoints, CancellationToken cancellationToken)
    {
        Endpoints = endpoints;
        _s3 = AwsClientFactory.CreateS3Client(endpoints.S3, config => config.MaxConnectionsPerServer = performance.Value.S3MaxConnections);
        _dynamo = AwsClientFactory.CreateDynamoDbClient(endpoints.DynamoDb);
        var connectionString = await PostgresDatabases.CreateAsync(endpoints.PostgresConnectionString, registry.Value.Database, cancellationToken);
        _postgres = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 200 }.ConnectionString).Build();
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
