using Npgsql;

namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>
/// A throw-away PostgreSQL server: initdb into a temporary directory, postgres on a free loopback
/// port with its socket in that directory. PostgreSQL refuses to run as root, so under root (as CI
/// runs) both commands run as the unprivileged <c>postgres</c> account through setpriv, which execs
/// in place so the watchdog signals the server itself.
/// </summary>
internal static class LocalPostgres
{
    private const string User = "app";
    private const string ServiceAccount = "postgres";

    /// <summary>Starts the server and returns it with its connection string.</summary>
    public static Task<(WatchedProcess Process, string ConnectionString)> StartAsync(TimeProvider time, CancellationToken cancellationToken) =>
        LoopbackPort.StartOnFreePortAsync(port => StartAsync(port, time, cancellationToken));

    private static async Task<(WatchedProcess Process, string ConnectionString)> StartAsync(int port, TimeProvider time, CancellationToken cancellationToken)
    {
        var bin = PostgresBinaries.Locate();
        var root = Directory.CreateTempSubdirectory("perftesting-postgres-").FullName;
        var data = Path.Combine(root, "data");
        var asServiceAccount = System.Environment.UserName == "root" ? ServiceAccountPrefix() : [];
        if (asServiceAccount.Length > 0)
        {
            await ShortCommand.RunAsync(["chown", ServiceAccount, root], root, "Could not hand the data directory to the postgres account.", TimeSpan.FromSeconds(30), time, cancellationToken)
                .ConfigureAwait(false);
        }

        try
        {
            await ShortCommand.RunAsync(
                [.. asServiceAccount, Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", User, "-E", "UTF8", "--no-sync", "--no-instructions"],
                root,
                "initdb failed; check that the PostgreSQL server package is complete.",
                TimeSpan.FromMinutes(2),
                time,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }

        var server = WatchedProcess.Start(
            "postgres",
            [
                .. asServiceAccount, Path.Combine(bin, "postgres"), "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-k", root, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
                // fsync and full-page writes only protect against the machine crashing; they cost time
                // here. synchronous_commit stays on: a commit's WAL is written (not fsynced) before it
                // is acknowledged, so a postgres that is killed and restarted by its watchdog keeps every
                // acknowledged write (with it off, an upload acknowledged 50 ms before a kill -9 was lost).
                "-c", "fsync=off", "-c", "full_page_writes=off",
            ],
            root,
            cleanupDirectory: root,
            stopSignal: "INT",
            time: time);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = User,
            Database = "postgres",
            Pooling = true,
        }.ConnectionString;

        try
        {
            await Readiness.WaitAsync(server, ct => AcceptsConnectionsAsync(connectionString, ct), time, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return (server, connectionString);
    }

    private static string[] ServiceAccountPrefix()
    {
        if (!File.ReadLines("/etc/passwd").Any(line => line.StartsWith(ServiceAccount + ":", StringComparison.Ordinal)))
        {
            throw new BackingServicesUnavailableException(
                "PostgreSQL refuses to run as root and there is no 'postgres' account to run it as. Install the server package (apt-get install postgresql) or run the tests as a normal user.");
        }

        return ["setpriv", "--reuid", ServiceAccount, "--regid", ServiceAccount, "--clear-groups", "--"];
    }

    private static async Task<bool> AcceptsConnectionsAsync(string connectionString, CancellationToken cancellationToken)
    {
        // A separate, unpooled connection: a pooled one opened while the server starts could linger broken.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2 };
        try
        {
            var connection = new NpgsqlConnection(builder.ConnectionString);
            await using var _ = connection.ConfigureAwait(false);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
