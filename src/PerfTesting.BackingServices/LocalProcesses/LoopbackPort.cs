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
}
