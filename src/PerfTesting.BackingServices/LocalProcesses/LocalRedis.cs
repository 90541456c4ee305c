using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>
/// A throw-away Redis: Debian's <c>redis-server</c> on a loopback port with its working directory in a
/// temporary folder, no persistence, under the same watchdog as the other local processes.
/// </summary>
public sealed class LocalRedis : IAsyncDisposable
{
    /// <summary>Where Debian's package puts the server.</summary>
    public const string DefaultBinary = "/usr/bin/redis-server";

    private readonly WatchedProcess _process;
    private int _disposed;

    private LocalRedis(WatchedProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string (<c>127.0.0.1:port</c>).</summary>
    public string Endpoint => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>True once the server has stopped (disposed, or killed from outside).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts a server and waits until it answers PING.</summary>
    /// <param name="port">The port to listen on (to bring a stopped server back on the same endpoint); null picks a free one.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running server.</returns>
    public static Task<LocalRedis> StartAsync(int? port = null, CancellationToken cancellationToken = default) =>
        StartAsync(TimeProvider.System, port, cancellationToken);

    /// <summary>Starts a server and waits until it answers PING, on the given clock.</summary>
    /// <param name="time">The clock of the readiness wait and of the clean-up wait when it stops.</param>
    /// <param name="port">The port to listen on (to bring a stopped server back on the same endpoint); null picks a free one.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running server.</returns>
    public static Task<LocalRedis> StartAsync(TimeProvider time, int? port = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        return port is { } given
            ? StartOnPortAsync(time, given, cancellationToken)
            : LoopbackPort.StartOnFreePortAsync(free => StartOnPortAsync(time, free, cancellationToken));
    }

    private static async Task<LocalRedis> StartOnPortAsync(TimeProvider time, int chosen, CancellationToken cancellationToken)
    {
        var binary = Locate();
        var data = Directory.CreateTempSubdirectory("perftesting-redis-").FullName;
        var process = WatchedProcess.Start(
            "redis-server",
            [
                binary, "--bind", "127.0.0.1", "--port", chosen.ToString(CultureInfo.InvariantCulture), "--dir", data,
                // A cache for tests: nothing to persist, nothing to protect beyond loopback.
                "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no", "--loglevel", "warning",
                // Redis rewrites its process title; keep a mark in it so orphan checks (pgrep perftesting-redis) find it.
                "--proc-title-template", "{title} {listen-addr} perftesting-redis",
            ],
            data,
            cleanupDirectory: data,
            time);
        try
        {
            await Readiness.WaitAsync(process, ct => AnswersPingAsync(chosen, ct), time, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new LocalRedis(process, chosen);
    }

    /// <summary>Stops the server and deletes its directory; a second call does nothing.</summary>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? _process.DisposeAsync() : ValueTask.CompletedTask;

    private static string Locate()
    {
        if (File.Exists(DefaultBinary))
        {
            return DefaultBinary;
        }

        var onPath = (System.Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new BackingServicesUnavailableException(
            "redis-server is not installed: `apt-get install redis-server` (tools/prerequisites.sh does it), or set PERF_REDIS to a running Redis.");
    }

    private static async Task<bool> AnswersPingAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
