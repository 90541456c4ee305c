using Testcontainers.LocalStack;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace PerfTesting.BackingServices.Containers;

/// <summary>LocalStack (S3 and DynamoDB) and PostgreSQL containers through Testcontainers; needs a Docker engine.</summary>
public sealed class ContainerBackingServices : IBackingServices
{
    /// <summary>The LocalStack image; override with PERF_LOCALSTACK_IMAGE.</summary>
    public const string DefaultLocalStackImage = "localstack/localstack:4.4";

    /// <summary>The PostgreSQL image; override with PERF_POSTGRES_IMAGE.</summary>
    public const string DefaultPostgresImage = "postgres:15-alpine";

    private readonly LocalStackContainer _localStack;
    private readonly PostgreSqlContainer _postgres;
    private RedisContainer? _redis;

    private ContainerBackingServices(LocalStackContainer localStack, PostgreSqlContainer postgres, BackingServiceEndpoints endpoints)
    {
        _localStack = localStack;
        _postgres = postgres;
        Endpoints = endpoints;
    }

    /// <inheritdoc />
    public BackingServiceEndpoints Endpoints { get; }

    /// <summary>Starts both containers.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services.</returns>
    public static async Task<ContainerBackingServices> StartAsync(CancellationToken cancellationToken = default)
    {
        LocalStackContainer? localStack = null;
        PostgreSqlContainer? postgres = null;
        try
        {
            // Build() already asks for a Docker endpoint, so it belongs inside the try as well.
            localStack = new LocalStackBuilder(Image("PERF_LOCALSTACK_IMAGE", DefaultLocalStackImage)).Build();
            postgres = new PostgreSqlBuilder(Image("PERF_POSTGRES_IMAGE", DefaultPostgresImage)).Build();
            await Task.WhenAll(localStack.StartAsync(cancellationToken), postgres.StartAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (localStack is not null)
            {
                await localStack.DisposeAsync().ConfigureAwait(false);
            }

            if (postgres is not null)
            {
                await postgres.DisposeAsync().ConfigureAwait(false);
            }

            throw new BackingServicesUnavailableException(
                $"The containers provider could not start LocalStack and PostgreSQL: {e.Message} "
                + "It needs a running Docker engine (DOCKER_HOST) and the images "
                + $"{Image("PERF_LOCALSTACK_IMAGE", DefaultLocalStackImage)} and {Image("PERF_POSTGRES_IMAGE", DefaultPostgresImage)} "
                + "(pulled or loaded with docker load). Use PERF_SERVICES=local to run without Docker.",
                e);
        }

        // LocalStack accepts any keys; ServiceURL + AuthenticationRegion is its documented recipe.
        var url = new Uri(localStack.GetConnectionString());
        var endpoint = new AwsEndpoint(url, AwsEndpoint.DefaultRegion, AwsCredentials.LocalStack, IsEmulator: false);
        var endpoints = new BackingServiceEndpoints(BackingServiceKind.Containers, endpoint, endpoint, postgres.GetConnectionString());
        var services = new ContainerBackingServices(localStack, postgres, endpoints);
        return await WithRedisAsync(services, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _localStack.DisposeAsync().ConfigureAwait(false);
        await _postgres.DisposeAsync().ConfigureAwait(false);
        if (_redis is not null)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Redis (optional, see RedisContainers) joins after the others, so the provider fails as one when it cannot start.
    private static async Task<ContainerBackingServices> WithRedisAsync(ContainerBackingServices services, CancellationToken cancellationToken)
    {
        try
        {
            var redis = await RedisContainers.StartIfConfiguredAsync(cancellationToken).ConfigureAwait(false);
            if (redis is null)
            {
                return services;
            }

            var withRedis = new ContainerBackingServices(services._localStack, services._postgres, services.Endpoints with { Redis = redis.GetConnectionString() });
            withRedis._redis = redis;
            return withRedis;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await services.DisposeAsync().ConfigureAwait(false);
            throw new BackingServicesUnavailableException(
                $"The containers provider could not start Redis from {RedisContainers.ImageVariable}={System.Environment.GetEnvironmentVariable(RedisContainers.ImageVariable)}: {e.Message}", e);
        }
    }

    private static string Image(string variable, string fallback) =>
        System.Environment.GetEnvironmentVariable(variable) is { Length: > 0 } image ? image : fallback;
}
