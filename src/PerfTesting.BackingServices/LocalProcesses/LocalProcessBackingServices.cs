using System.Globalization;

namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>
/// s3rver, dynalite, PostgreSQL and Redis (each only when asked for) as local processes on free loopback ports, each with a temporary
/// data directory; everything is stopped and deleted on dispose, or by the watchdogs if this
/// process dies first.
/// </summary>
public sealed class LocalProcessBackingServices : IBackingServices
{
    private readonly IReadOnlyList<WatchedProcess> _processes;
    private readonly LocalRedis? _redis;

    private LocalProcessBackingServices(BackingServiceEndpoints endpoints, IReadOnlyList<WatchedProcess> processes, LocalRedis? redis)
    {
        Endpoints = endpoints;
        _processes = processes;
        _redis = redis;
    }

    /// <inheritdoc />
    public BackingServiceEndpoints Endpoints { get; }

    /// <summary>Installs the emulators if needed and starts every service in parallel.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services.</returns>
    public static Task<LocalProcessBackingServices> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(BackingService.All, TimeProvider.System, cancellationToken);

    /// <summary>Installs the emulators if needed and starts every service in parallel.</summary>
    /// <param name="time">The clock of every wait and time limit of the start.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services.</returns>
    public static Task<LocalProcessBackingServices> StartAsync(TimeProvider time, CancellationToken cancellationToken = default) =>
        StartAsync(BackingService.All, time, cancellationToken);

    /// <summary>
    /// Starts only <paramref name="services"/>, in parallel: Node.js, npm and the emulators are needed only for S3
    /// or DynamoDB, the PostgreSQL server binaries only for PostgreSQL, redis-server only for Redis.
    /// </summary>
    /// <param name="services">What to start.</param>
    /// <param name="time">The clock of every wait and time limit of the start.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services; the others' endpoints are absent.</returns>
    public static async Task<LocalProcessBackingServices> StartAsync(BackingService services, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        var packages = (services & (BackingService.S3 | BackingService.DynamoDb)) != 0
            ? await EmulatorPackages.EnsureInstalledAsync(time, cancellationToken).ConfigureAwait(false)
            : null;
        var s3 = services.HasFlag(BackingService.S3) ? StartS3rverAsync(packages!, time, cancellationToken) : null;
        var dynamo = services.HasFlag(BackingService.DynamoDb) ? StartDynaliteAsync(packages!, time, cancellationToken) : null;
        var postgres = services.HasFlag(BackingService.Postgres) ? LocalPostgres.StartAsync(time, cancellationToken) : null;
        var redis = services.HasFlag(BackingService.Redis) ? LocalRedis.StartAsync(time, cancellationToken: cancellationToken) : null;
        var starts = new Task?[] { s3, dynamo, postgres, redis }.OfType<Task>().ToList();
        try
        {
            await Task.WhenAll(starts).ConfigureAwait(false);
        }
        catch
        {
            if (redis is { IsCompletedSuccessfully: true })
            {
                await redis.Result.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var started in new[] { s3, dynamo }.Where(t => t is { IsCompletedSuccessfully: true }))
            {
                await started!.Result.Item1.DisposeAsync().ConfigureAwait(false);
            }

            if (postgres is { IsCompletedSuccessfully: true })
            {
                await postgres.Result.Process.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        var processes = new List<WatchedProcess>();
        AwsEndpoint? s3Endpoint = null, dynamoEndpoint = null;
        string? connectionString = null;
        if (s3 is not null)
        {
            var (process, url) = await s3.ConfigureAwait(false);
            processes.Add(process);
            s3Endpoint = new AwsEndpoint(url, AwsEndpoint.DefaultRegion, AwsCredentials.S3rver, IsEmulator: true);
        }

        if (dynamo is not null)
        {
            var (process, url) = await dynamo.ConfigureAwait(false);
            processes.Add(process);
            dynamoEndpoint = new AwsEndpoint(url, AwsEndpoint.DefaultRegion, AwsCredentials.LocalStack, IsEmulator: true);
        }

        if (postgres is not null)
        {
            var started = await postgres.ConfigureAwait(false);
            processes.Add(started.Process);
            connectionString = started.ConnectionString;
        }

        var localRedis = redis is null ? null : await redis.ConfigureAwait(false);
        var endpoints = new BackingServiceEndpoints(BackingServiceKind.LocalProcesses, s3Endpoint, dynamoEndpoint, connectionString, localRedis?.Endpoint);
        return new LocalProcessBackingServices(endpoints, processes, localRedis);
    }

    /// <summary>Each process's state and last output lines, for a test's failure message.</summary>
    internal string DescribeProcesses() => string.Join("\n", _processes.Select(p => p.Describe()));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_processes.Select(p => p.DisposeAsync().AsTask()).Append(_redis?.DisposeAsync().AsTask() ?? Task.CompletedTask)).ConfigureAwait(false);
    }

    private static Task<(WatchedProcess, Uri)> StartS3rverAsync(EmulatorPackages packages, TimeProvider time, CancellationToken cancellationToken) =>
        LoopbackPort.StartOnFreePortAsync(port => StartS3rverAsync(packages, port, time, cancellationToken));

    private static Task<(WatchedProcess, Uri)> StartDynaliteAsync(EmulatorPackages packages, TimeProvider time, CancellationToken cancellationToken) =>
        LoopbackPort.StartOnFreePortAsync(port => StartDynaliteAsync(packages, port, time, cancellationToken));

    private static async Task<(WatchedProcess, Uri)> StartS3rverAsync(EmulatorPackages packages, int port, TimeProvider time, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("perftesting-s3rver-").FullName;
        var process = WatchedProcess.Start(
            "s3rver",
            ["node", packages.S3rverScript, "-d", data, "-a", "127.0.0.1", "-p", Text(port), "--silent", "--no-vhost-buckets"],
            packages.Directory,
            cleanupDirectory: data,
            time: time);
        var url = new Uri($"http://127.0.0.1:{Text(port)}");
        return (await ReadyOrDisposedAsync(process, url, time, cancellationToken).ConfigureAwait(false), url);
    }

    private static async Task<(WatchedProcess, Uri)> StartDynaliteAsync(EmulatorPackages packages, int port, TimeProvider time, CancellationToken cancellationToken)
    {
        // On disk (LevelDB under --path), so a dynalite that dies and is restarted by its watchdog
        // keeps the catalog; tables become ACTIVE at once instead of after dynalite's default 500 ms.
        var data = Directory.CreateTempSubdirectory("perftesting-dynalite-").FullName;
        var process = WatchedProcess.Start(
            "dynalite",
            ["node", packages.DynaliteScript, "--host", "127.0.0.1", "--port", Text(port), "--path", data, "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"],
            packages.Directory,
            cleanupDirectory: data,
            time: time);
        var url = new Uri($"http://127.0.0.1:{Text(port)}");
        return (await ReadyOrDisposedAsync(process, url, time, cancellationToken).ConfigureAwait(false), url);
    }

    private static async Task<WatchedProcess> ReadyOrDisposedAsync(WatchedProcess process, Uri url, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await Readiness.WaitAsync(process, Readiness.AnswersHttp(url), time, cancellationToken).ConfigureAwait(false);
            return process;
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
