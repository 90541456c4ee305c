using System.Net;
using System.Net.Sockets;

namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>Finds free TCP ports on the loopback interface.</summary>
internal static class LoopbackPort
{
    /// <summary>
    /// Asks the kernel for a free port. Another process could take it before ours binds; callers
    /// retry a start that fails, which is cheaper than holding the socket across a process start.
    /// </summary>
    public static int NextFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts a server on a free port, and on another free port when the first one was taken in the
    /// meantime (the server ended before answering with "address already in use"). On a machine busy
    /// with other test runs that happens: a port free when asked for was bound by someone else a
    /// moment later, and the whole provider failed to start.
    /// </summary>
    /// <param name="start">Starts the server on the given port and waits until it answers.</param>
    /// <typeparam name="T">What the start returns.</typeparam>
    /// <returns>What <paramref name="start"/> returned.</returns>
    public static async Task<T> StartOnFreePortAsync<T>(Func<int, Task<T>> start)
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(NextFree()).ConfigureAwait(false);
            }
            catch (BackingServicesUnavailableException e) when (attempt < Attempts && PortWasTaken(e.Message))
            {
                // Another port, another try.
            }
        }
    }

    // node: "EADDRINUSE"; postgres and redis-server: "Address already in use".
    private static bool PortWasTaken(string message) =>
        message.Contains("EADDRINUSE", StringComparison.Ordinal) || message.Contains("already in use", StringComparison.OrdinalIgnoreCase);
}
