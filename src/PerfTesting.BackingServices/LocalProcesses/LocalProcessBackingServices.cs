using System.Globalization;

namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>
/// s3rver, dynalite, PostgreSQL and Redis as local processes on free loopback ports, each with a temporary
/// data directory; everything is stopped and deleted on dispose, or by the watchdogs if this
/// process dies first.
/// </summary>
public sealed class LocalProcessBackingServices : IBackingServices
{
    private readonly IReadOnlyList<WatchedProcess> _processes;
    private readonly LocalRedis _redis;

    private LocalProcessBackingServices(BackingServiceEndpoints endpoints, IReadOnlyList<WatchedProcess> processes, LocalRedis redis)
    {
        Endpoints = endpoints;
        _processes = processes;
        _redis = redis;
    }

    /// <inheritdoc />
    public BackingServiceEndpoints Endpoints { get; }

    /// <summary>Installs the emulators if needed and starts all three services in parallel.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services.</returns>
    public static Task<LocalProcessBackingServices> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(TimeProvider.System, cancellationToken);

    /// <summary>Installs the emulators if needed and starts all three services in parallel.</summary>
    /// <param name="time">The clock of every wait and time limit of the start.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services.</returns>
    public static async Task<LocalProcessBackingServices> StartAsync(TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        var packages = await EmulatorPackages.EnsureInstalledAsync(time, cancellationToken).ConfigureAwait(false);
        var s3 = StartS3rverAsync(packages, time, cancellationToken);
        var dynamo = StartDynaliteAsync(packages, time, cancellationToken);
        var postgres = LocalPostgres.StartAsync(time, cancellationToken);
        var redis = LocalRedis.StartAsync(time, cancellationToken: cancellationToken);
        try
        {
            await Task.WhenAll(s3, dynamo, postgres, redis).ConfigureAwait(false);
        }
        catch
        {
            if (redis.IsCompletedSuccessfully)
            {
                await redis.Result.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var started in new[] { s3, dynamo }.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.Item1.DisposeAsync().ConfigureAwait(false);
            }

            if (postgres.IsCompletedSuccessfully)
            {
                await postgres.Result.Process.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        var (s3Process, s3Url) = await s3.ConfigureAwait(false);
        var (dynamoProcess, dynamoUrl) = await dynamo.ConfigureAwait(false);
        var (postgresProcess, connectionString) = await postgres.ConfigureAwait(false);
        var endpoints = new BackingServiceEndpoints(
            BackingServiceKind.LocalProcesses,
            new AwsEndpoint(s3Url, AwsEndpoint.DefaultRegion, AwsCredentials.S3rver, IsEmulator: true),
            new AwsEndpoint(dynamoUrl, AwsEndpoint.DefaultRegion, AwsCredentials.LocalStack, IsEmulator: true),
            connectionString,
            (await redis.ConfigureAwait(false)).Endpoint);
        return new LocalProcessBackingServices(endpoints, [s3Process, dynamoProcess, postgresProcess], await redis.ConfigureAwait(false));
    }

    /// <summary>Each process's state and last output lines, for a test's failure message.</summary>
    internal string DescribeProcesses() => string.Join("\n", _processes.Select(p => p.Describe()));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_processes.Select(p => p.DisposeAsync().AsTask()).Append(_redis.DisposeAsync().AsTask())).ConfigureAwait(false);
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
