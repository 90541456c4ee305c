using System.Net.Sockets;

namespace PerfTesting.BackingServices.Containers;

/// <summary>Asks whether a Docker engine answers at DOCKER_HOST (or the default unix socket).</summary>
public static class DockerEngineProbe
{
    private const string DefaultHost = "unix:///var/run/docker.sock";

    /// <summary>Where the probe asks: DOCKER_HOST, else the default unix socket.</summary>
    public static string Host => System.Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } configured ? configured : DefaultHost;

    /// <summary>True when the engine answers <c>GET /_ping</c> within two seconds.</summary>
    /// <param name="cancellationToken">Stops the probe.</param>
    public static async Task<bool> AnswersAsync(CancellationToken cancellationToken = default)
    {
        var host = Host;
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri))
        {
            return false;
        }

        using var handler = new SocketsHttpHandler();
        Uri ping;
        if (uri.Scheme == "unix")
        {
            if (!File.Exists(uri.AbsolutePath))
            {
                return false;
            }

            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(uri.AbsolutePath), ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            ping = new Uri("http://docker/_ping");
        }
        else if (uri.Scheme is "tcp" or "http")
        {
            ping = new Uri($"http://{uri.Authority}/_ping");
        }
        else
        {
            return false;
        }

        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(ping, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
        {
            return false;
        }
    }
}
