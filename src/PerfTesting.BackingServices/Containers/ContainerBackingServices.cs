using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Npgsql;
using Testcontainers.LocalStack;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace PerfTesting.BackingServices.Containers;

/// <summary>
/// S3 and DynamoDB in one container (LocalStack, or the s3rver + dynalite image; see
/// <see cref="AwsContainerSelection"/>), PostgreSQL in another and Redis in a third
/// (<see cref="RedisContainers"/>), through Testcontainers; needs a Docker engine. Containers carry <see cref="RunOwner"/> labels, and each start first removes the
/// containers of runs that died without stopping theirs, so nothing depends on Ryuk.
/// </summary>
public sealed class ContainerBackingServices : IBackingServices
{
    /// <summary>The durability settings a production server runs with. Testcontainers.PostgreSql turns all three off
    /// for speed; its arguments come first, so these later ones win.</summary>
    private static readonly string[] DurablePostgres = ["-c", "fsync=on", "-c", "full_page_writes=on", "-c", "synchronous_commit=on"];

    private readonly IContainer? _aws;
    private readonly PostgreSqlContainer? _postgres;
    private readonly RedisContainer? _redis;

    private ContainerBackingServices(IContainer? aws, PostgreSqlContainer? postgres, RedisContainer? redis, BackingServiceEndpoints endpoints, string description, string redisImage)
    {
        _aws = aws;
        _postgres = postgres;
        _redis = redis;
        Endpoints = endpoints;
        Description = description;
        RedisImage = redisImage;
    }

    /// <inheritdoc />
    public BackingServiceEndpoints Endpoints { get; }

    /// <summary>What runs, e.g. "s3rver + dynalite (perftesting/emulators:1), PostgreSQL (perftesting/postgres:15, durable: ...) and Redis (perftesting/redis:7)".</summary>
    public string Description { get; }

    /// <summary>The Redis image it started (for a test that starts, stops and restarts a Redis of its own).</summary>
    public string RedisImage { get; }

    /// <summary>Removes orphaned containers, chooses the images and starts the three containers.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services.</returns>
    public static Task<ContainerBackingServices> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(BackingService.All, cancellationToken);

    /// <summary>Removes orphaned containers, chooses the images and starts only the containers <paramref name="services"/> needs.</summary>
    /// <param name="services">What to start (S3 and DynamoDB share one container).</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services; the others' endpoints are absent.</returns>
    public static async Task<ContainerBackingServices> StartAsync(BackingService services, CancellationToken cancellationToken = default)
    {
        // Testcontainers reads the engine's settings at first use and has none when no engine answers (its
        // docker client builder is then null): name that cause instead of the NullReferenceException it leads to.
        if (!await DockerEngineProbe.AnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new BackingServicesUnavailableException(
                $"The containers provider needs a Docker engine, and none answers at {DockerEngineProbe.Host}. "
                + "Start Docker (Docker Desktop, or `sudo systemctl start docker`), or point DOCKER_HOST at a running engine; "
                + "or run without Docker: PERF_SERVICES=local starts the same services as local processes "
                + "(needs Node.js and npm for S3/DynamoDB, the PostgreSQL server binaries, redis-server; see the PerfTesting.BackingServices README, \"Without Docker\").");
        }

        var choice = AwsContainerSelection.Parse(System.Environment.GetEnvironmentVariable(AwsContainerSelection.Variable));
        var needsAws = (services & (BackingService.S3 | BackingService.DynamoDb)) != 0;
        IContainer? aws = null;
        PostgreSqlContainer? postgres = null;
        RedisContainer? redis = null;
        var plan = "(the images were not chosen yet)";
        try
        {
            var images = await ChooseImagesAsync(choice, cancellationToken).ConfigureAwait(false);
            plan = images.Describe(services);
            var labels = RunOwner.Labels;
            if (needsAws)
            {
                aws = images.Aws == AwsContainerChoice.Emulators
                    ? EmulatorsContainer.Build(images.AwsImage, labels)
                    : new LocalStackBuilder(images.AwsImage).WithLabel(labels.ToDictionary()).Build();
            }

            if (services.HasFlag(BackingService.Postgres))
            {
                postgres = new PostgreSqlBuilder(images.PostgresImage).WithCommand(DurablePostgres).WithLabel(labels.ToDictionary()).Build();
            }

            if (services.HasFlag(BackingService.Redis))
            {
                redis = RedisContainers.Build(images.RedisImage, labels);
            }

            await Task.WhenAll(new IContainer?[] { aws, postgres, redis }.OfType<IContainer>().Select(c => c.StartAsync(cancellationToken))).ConfigureAwait(false);

            var endpoints = new BackingServiceEndpoints(
                BackingServiceKind.Containers,
                aws is not null && services.HasFlag(BackingService.S3) ? AwsEndpointOf(aws, images.Aws, s3: true) : null,
                aws is not null && services.HasFlag(BackingService.DynamoDb) ? AwsEndpointOf(aws, images.Aws, s3: false) : null,
                postgres is null ? null : ConnectionStringOf(postgres),
                redis is null ? null : RedisEndpointOf(redis));
            return new ContainerBackingServices(aws, postgres, redis, endpoints, plan, images.RedisImage);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var started in new IAsyncDisposable?[] { aws, postgres, redis })
            {
                if (started is not null)
                {
                    await started.DisposeAsync().ConfigureAwait(false);
                }
            }

            throw new BackingServicesUnavailableException(
                $"The containers provider could not start {plan}: {e.Message} "
                + "A Docker engine answers; the images must be in it or pullable from a registry it can reach "
                + "(set PERF_POSTGRES_IMAGE, PERF_REDIS_IMAGE, PERF_LOCALSTACK_IMAGE or PERF_EMULATORS_IMAGE to images you have; see the package README). "
                + "Use PERF_SERVICES=local to run without Docker.",
                e);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(new IAsyncDisposable?[] { _aws, _postgres, _redis }.OfType<IAsyncDisposable>().Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    private static async Task<ImagePlan> ChooseImagesAsync(AwsContainerChoice choice, CancellationToken cancellationToken)
    {
        using var docker = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
        await OrphanContainers.RemoveAsync(docker, cancellationToken).ConfigureAwait(false);

        var localStack = ContainerImages.FromEnvironment(ContainerImages.LocalStackVariable) ?? ContainerImages.DefaultLocalStack;
        var emulators = ContainerImages.FromEnvironment(ContainerImages.EmulatorsVariable) ?? ContainerImages.DefaultEmulators;
        var aws = choice == AwsContainerChoice.Auto
            ? AwsContainerSelection.Decide(
                choice,
                await DockerImages.ExistsAsync(docker, localStack, cancellationToken).ConfigureAwait(false),
                await DockerImages.ExistsAsync(docker, emulators, cancellationToken).ConfigureAwait(false))
            : choice;

        // The official image where the engine has it (or can pull it), else the one built from Debian packages.
        var postgres = ContainerImages.FromEnvironment(ContainerImages.PostgresVariable)
            ?? await OfficialOrLocalAsync(docker, ContainerImages.DefaultPostgres, ContainerImages.LocalPostgres, cancellationToken).ConfigureAwait(false);

        // Likewise Redis: the official image, else the one built from Debian's redis-server.
        var redis = ContainerImages.FromEnvironment(ContainerImages.RedisVariable)
            ?? await OfficialOrLocalAsync(docker, ContainerImages.DefaultRedis, ContainerImages.LocalRedis, cancellationToken).ConfigureAwait(false);
        return new ImagePlan(aws, aws == AwsContainerChoice.Emulators ? emulators : localStack, postgres, redis);
    }

    /// <summary>The official image when the engine has it; else the local build when the engine has that; else the official one (pulled).</summary>
    private static async Task<string> OfficialOrLocalAsync(Docker.DotNet.IDockerClient docker, string official, string local, CancellationToken cancellationToken) =>
        !await DockerImages.ExistsAsync(docker, official, cancellationToken).ConfigureAwait(false)
            && await DockerImages.ExistsAsync(docker, local, cancellationToken).ConfigureAwait(false)
                ? local
                : official;

    private static AwsEndpoint AwsEndpointOf(IContainer aws, AwsContainerChoice kind, bool s3)
    {
        if (kind == AwsContainerChoice.LocalStack)
        {
            // LocalStack accepts any keys; ServiceURL + AuthenticationRegion is its documented recipe.
            var url = new UriBuilder("http", ClientHost(aws), aws.GetMappedPublicPort(LocalStackBuilder.LocalStackPort)).Uri;
            return new AwsEndpoint(url, AwsEndpoint.DefaultRegion, AwsCredentials.LocalStack, IsEmulator: false);
        }

        // The same quirks as the local s3rver and dynalite processes (AwsClientFactory handles them).
        var port = aws.GetMappedPublicPort(s3 ? EmulatorsContainer.S3Port : EmulatorsContainer.DynamoDbPort);
        return new AwsEndpoint(
            new UriBuilder("http", ClientHost(aws), port).Uri,
            AwsEndpoint.DefaultRegion,
            s3 ? AwsCredentials.S3rver : AwsCredentials.LocalStack,
            IsEmulator: true);
    }

    /// <summary>The StackExchange.Redis configuration string, <c>host:port</c>.</summary>
    private static string RedisEndpointOf(RedisContainer redis) =>
        $"{ClientHost(redis)}:{redis.GetMappedPublicPort(RedisBuilder.RedisPort).ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static string ConnectionStringOf(PostgreSqlContainer postgres) =>
        new NpgsqlConnectionStringBuilder(postgres.GetConnectionString()) { Host = ClientHost(postgres) }.ConnectionString;

    /// <summary>
    /// Clients connect on loopback when the engine runs on this machine (a unix socket): published ports
    /// listen there, whatever address Testcontainers would name (the bridge gateway when it believes it
    /// runs inside a container). A remote engine's host is Testcontainers' to name.
    /// </summary>
    private static string ClientHost(IContainer container) =>
        TestcontainersSettings.OS.DockerEndpointAuthConfig.Endpoint.Scheme == "unix" ? "127.0.0.1" : container.Hostname;

    private sealed record ImagePlan(AwsContainerChoice Aws, string AwsImage, string PostgresImage, string RedisImage)
    {
        public string Describe(BackingService services)
        {
            var parts = new List<string>();
            if ((services & (BackingService.S3 | BackingService.DynamoDb)) != 0)
            {
                parts.Add($"{(Aws == AwsContainerChoice.Emulators ? "s3rver + dynalite" : "LocalStack")} ({AwsImage})");
            }

            if (services.HasFlag(BackingService.Postgres))
            {
                parts.Add($"PostgreSQL ({PostgresImage}, durable: fsync, full_page_writes, synchronous_commit on)");
            }

            if (services.HasFlag(BackingService.Redis))
            {
                parts.Add($"Redis ({RedisImage})");
            }

            return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
        }
    }
}
