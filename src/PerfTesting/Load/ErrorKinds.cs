using System.Net.Sockets;

namespace PerfTesting.Load;

/// <summary>
/// Names the kind of an exception a step threw, without knowing the step's protocol: a timeout, a socket
/// error, a reset connection, or the exception's type. Protocol steps name their own failures first
/// (<see cref="HttpStep.Classify"/>) and fall back on this.
/// </summary>
internal static class ErrorKinds
{
    /// <summary>The kind of <paramref name="exception"/>: the first of its chain with a transport kind, else its type.</summary>
    public static string Of(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (TransportKind(e) is { } kind)
            {
                return kind;
            }
        }

        return exception.GetType().Name;
    }

    /// <summary>The transport kind of this exception alone (not its inner ones), or null.</summary>
    public static string? TransportKind(Exception e) => e switch
    {
        TimeoutException or TaskCanceledException => "timeout",
        SocketException socket => "connection " + SocketErrorName(socket.SocketErrorCode),
        IOException when e.InnerException is null => "connection reset",
        _ => null,
    };

    private static string SocketErrorName(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "refused",
        SocketError.ConnectionReset => "reset",
        SocketError.TimedOut => "timed out",
        _ => error.ToString(),
    };
}
