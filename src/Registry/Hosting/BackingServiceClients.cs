using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Diagnostics;
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
    IOptions<PerformanceOptions> performance,
    IOptions<ResilienceOptions> resilience,
    RegistryMetrics metrics,
    TimeProvider time) : IAsyncDisposable
{
    private AmazonS3Client? _s3;
    private HttpClient? _s3Reads;
    private AmazonDynamoDBClient? _dynamo;
    private NpgsqlDataSource? _postgres;

    public IAmazonS3 S3 => _s3 ?? throw NotStarted();

    /// <summary>
    /// The HTTP client of archive reads from S3 (presigned GETs, see S3ArchiveStore): the same connection
    /// limit and transfer bound as the SDK's client, no redirects, no decompression, no cookies.
    /// </summary>
    public HttpClient S3Reads => _s3Reads ?? throw NotStarted();

    public IAmazonDynamoDB DynamoDb => _dynamo ?? throw NotStarted();

    public NpgsqlDataSource Postgres => _postgres ?? throw NotStarted();

    /// <summary>Creates the clients and the registry's PostgreSQL database.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bounds = resilience.Value;
        // The SDK's own bounds, so that no call can outlive the registry's: one attempt waits at most
        // the call timeout and is retried at most AwsMaxErrorRetry times. The HTTP timeout covers an
        // upload's body, so S3 gets the bound of the largest archive; the per-call Polly timeout
        // (BackingService) is what bounds each request, this is the floor under it.
        _s3 = RegistryAwsClients.CreateS3Client(endpoints.Value, config =>
        {
            config.MaxConnectionsPerServer = performance.Value.S3MaxConnections;
            config.Timeout = bounds.TransferTimeout(registry.Value.MaxArchiveBytes);
            config.MaxErrorRetry = bounds.AwsMaxErrorRetry;
        });
        _s3Reads = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = performance.Value.S3MaxConnections,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
        })
        {
            Timeout = bounds.TransferTimeout(registry.Value.MaxArchiveBytes),
        };
        _dynamo = RegistryAwsClients.CreateDynamoDbClient(endpoints.Value, config =>
        {
            config.Timeout = bounds.CallTimeout;
            config.MaxErrorRetry = bounds.AwsMaxErrorRetry;
        }, new DynamoDbOperationTimer(metrics, time));
        var connectionString = await PostgresDatabases.CreateAsync(endpoints.Value.Postgres, registry.Value.Database, cancellationToken);
        var seconds = (int)Math.Ceiling(bounds.CallTimeoutSeconds);
        _postgres = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = performance.Value.PostgresMaxPoolSize,
            MinPoolSize = performance.Value.PostgresMinPoolSize,
            Timeout = seconds, // connecting
            CommandTimeout = seconds, // each command (a reset's statements set their own)
            CancellationTimeout = 1000, // a frozen server never answers the cancel request: give up after 1 s
            KeepAlive = seconds, // pooled connections to a server that died are found and dropped
            // A raw COPY read (PostgresCopyStream) hands out at most what is in this buffer: with Npgsql's
            // 8 KiB each 64 KiB block of a download took eight reads and eight flushes.
            ReadBufferSize = 64 * 1024,
            TcpKeepAlive = true,
        }.ConnectionString).Build();
    }

    public async ValueTask DisposeAsync()
    {
        _s3?.Dispose();
        _s3Reads?.Dispose();
        _dynamo?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("The backing services are not started yet.");
}
