using System.Globalization;

namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>
/// s3rver, dynalite and PostgreSQL as local processes on free loopback ports, each with a temporary
/// data directory; everything is stopped and deleted on dispose, or by the watchdogs if this
/// process dies first.
/// </summary>
public sealed class LocalProcessBackingServices : IBackingServices
{
    private readonly IReadOnlyList<WatchedProcess> _processes;

    private LocalProcessBackingServices(BackingServiceEndpoints endpoints, IReadOnlyList<WatchedProcess> processes)
    {
        Endpoints = endpoints;
        _processes = processes;
    }

    /// <inheritdoc />
    public BackingServiceEndpoints Endpoints { get; }

    /// <summary>Installs the emulators if needed and starts all three services in parallel.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running services.</returns>
    public static async Task<LocalProcessBackingServices> StartAsync(CancellationToken cancellationToken = default)
    {
        var packages = await EmulatorPackages.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var s3 = StartS3rverAsync(packages, cancellationToken);
        var dynamo = StartDynaliteAsync(packages, cancellationToken);
        var postgres = LocalPostgres.StartAsync(cancellationToken);
        try
        {
            await Task.WhenAll(s3, dynamo, postgres).ConfigureAwait(false);
        }
        catch
        {
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
            connectionString);
        return new LocalProcessBackingServices(endpoints, [s3Process, dynamoProcess, postgresProcess]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_processes.Select(p => p.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    private static async Task<(WatchedProcess, Uri)> StartS3rverAsync(EmulatorPackages packages, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("perftesting-s3rver-").FullName;
        var port = LoopbackPort.NextFree();
        var process = WatchedProcess.Start(
            "s3rver",
            ["node", packages.S3rverScript, "-d", data, "-a", "127.0.0.1", "-p", Text(port), "--silent", "--no-vhost-buckets"],
            packages.Directory,
            cleanupDirectory: data);
        var url = new Uri($"http://127.0.0.1:{Text(port)}");
        return (await ReadyOrDisposedAsync(process, url, cancellationToken).ConfigureAwait(false), url);
    }

    private static async Task<(WatchedProcess, Uri)> StartDynaliteAsync(EmulatorPackages packages, CancellationToken cancellationToken)
    {
        var port = LoopbackPort.NextFree();
        // On disk (LevelDB under --path), so a dynalite that dies and is restarted by its watchdog
        // keeps the catalog; tables become ACTIVE at once instead of after dynalite's default 500 ms.
        var data = Directory.CreateTempSubdirectory("perftesting-dynalite-").FullName;
        var process = WatchedProcess.Start(
            "dynalite",
            ["node", packages.DynaliteScript, "--host", "127.0.0.1", "--port", Text(port), "--path", data, "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"],
            packages.Directory,
            cleanupDirectory: data);
        var url = new Uri($"http://127.0.0.1:{Text(port)}");
        return (await ReadyOrDisposedAsync(process, url, cancellationToken).ConfigureAwait(false), url);
    }

    private static async Task<WatchedProcess> ReadyOrDisposedAsync(WatchedProcess process, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            await Readiness.WaitAsync(process, Readiness.AnswersHttp(url), cancellationToken).ConfigureAwait(false);
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
