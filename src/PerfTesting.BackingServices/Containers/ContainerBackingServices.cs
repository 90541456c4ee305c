using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Npgsql;
using Testcontainers.LocalStack;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace PerfTesting.BackingServices.Containers;

/// <summary>
/// S3 and DynamoDB in one container (LocalStack, or the s3rver + dynalite image; see
/// <see cref="AwsContainerSelection"/>) and PostgreSQL in another, through Testcontainers; needs a
/// Docker engine. Containers carry <see cref="RunOwner"/> labels, and each start first removes the
/// containers of runs that died without stopping theirs, so nothing depends on Ryuk.
/// </summary>
public sealed class ContainerBackingServices : IBackingServices
{
    /// <summary>The durability settings a production server runs with. Testcontainers.PostgreSql turns all three off
    /// for speed; its arguments come first, so these later ones win.</summary>
    private static readonly string[] DurablePostgres = ["-c", "fsync=on", "-c", "full_page_writes=on", "-c", "synchronous_commit=on"];

    private readonly IContainer _aws;
    private readonly PostgreSqlContainer _postgres;
    private RedisContainer? _redis;

    private ContainerBackingServices(IContainer aws, PostgreSqlContainer postgres, BackingServiceEndpoints endpoints, string description)
    {
        _aws = aws;
        _postgres = postgres;
        Endpoints = endpoints;
        Description = description;
    }

    /// <inheritdoc />
    public BackingServiceEndpoints Endpoints { get; }

    /// <summary>What runs, e.g. "s3rver + dynalite (perftesting/emulators:1) and PostgreSQL (perftesting/postgres:15, durable: ...)".</summary>
    public string Description { get; }

    /// <summary>Removes orphaned containers, chooses the images and starts both containers.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services.</returns>
    public static async Task<ContainerBackingServices> StartAsync(CancellationToken cancellationToken = default)
    {
        var choice = AwsContainerSelection.Parse(System.Environment.GetEnvironmentVariable(AwsContainerSelection.Variable));
        IContainer? aws = null;
        PostgreSqlContainer? postgres = null;
        var plan = "(no engine answered)";
        try
        {
            var images = await ChooseImagesAsync(choice, cancellationToken).ConfigureAwait(false);
            plan = images.ToString();
            var labels = RunOwner.Labels;
            aws = images.Aws == AwsContainerChoice.Emulators
                ? EmulatorsContainer.Build(images.AwsImage, labels)
                : new LocalStackBuilder(images.AwsImage).WithLabel(labels.ToDictionary()).Build();
            postgres = new PostgreSqlBuilder(images.PostgresImage).WithCommand(DurablePostgres).WithLabel(labels.ToDictionary()).Build();
            await Task.WhenAll(aws.StartAsync(cancellationToken), postgres.StartAsync(cancellationToken)).ConfigureAwait(false);

            var endpoints = new BackingServiceEndpoints(
                BackingServiceKind.Containers, AwsEndpointOf(aws, images.Aws, s3: true), AwsEndpointOf(aws, images.Aws, s3: false), ConnectionStringOf(postgres));
            var services = new ContainerBackingServices(aws, postgres, endpoints, plan);
            aws = null; // owned by services from here: WithRedisAsync disposes them when Redis cannot start
            postgres = null;
            return await WithRedisAsync(services, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (aws is not null)
            {
                await aws.DisposeAsync().ConfigureAwait(false);
            }

            if (postgres is not null)
            {
                await postgres.DisposeAsync().ConfigureAwait(false);
            }

            throw new BackingServicesUnavailableException(
                $"The containers provider could not start {plan}: {e.Message} "
                + "It needs a running Docker engine (DOCKER_HOST) and its images, pulled or built without a registry by "
                + "`bash tools/docker/engine.sh start` (then `eval \"$(bash tools/docker/engine.sh env)\"`). "
                + "Use PERF_SERVICES=local to run without Docker.",
                e);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _aws.DisposeAsync().ConfigureAwait(false);
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

            var withRedis = new ContainerBackingServices(services._aws, services._postgres, services.Endpoints with { Redis = redis.GetConnectionString() }, services.Description + " and Redis");
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
            ?? (!await DockerImages.ExistsAsync(docker, ContainerImages.DefaultPostgres, cancellationToken).ConfigureAwait(false)
                && await DockerImages.ExistsAsync(docker, ContainerImages.LocalPostgres, cancellationToken).ConfigureAwait(false)
                    ? ContainerImages.LocalPostgres
                    : ContainerImages.DefaultPostgres);
        return new ImagePlan(aws, aws == AwsContainerChoice.Emulators ? emulators : localStack, postgres);
    }

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

    private static string ConnectionStringOf(PostgreSqlContainer postgres) =>
        new NpgsqlConnectionStringBuilder(postgres.GetConnectionString()) { Host = ClientHost(postgres) }.ConnectionString;

    /// <summary>
    /// Clients connect on loopback when the engine runs on this machine (a unix socket): published ports
    /// listen there, whatever address Testcontainers would name (the bridge gateway when it believes it
    /// runs inside a container). A remote engine's host is Testcontainers' to name.
    /// </summary>
    private static string ClientHost(IContainer container) =>
        TestcontainersSettings.OS.DockerEndpointAuthConfig.Endpoint.Scheme == "unix" ? "127.0.0.1" : container.Hostname;

    private sealed record ImagePlan(AwsContainerChoice Aws, string AwsImage, string PostgresImage)
    {
        public override string ToString() =>
            $"{(Aws == AwsContainerChoice.Emulators ? "s3rver + dynalite" : "LocalStack")} ({AwsImage}) and PostgreSQL ({PostgresImage}, durable: fsync, full_page_writes, synchronous_commit on)";
    }
}
