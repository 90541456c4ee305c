using System.Net.Sockets;
using System.Text;
using PerfTesting.BackingServices.Containers;

namespace Tests.Integration.BackingServices.Containers;

// DOCKER_HOST is process-wide state, so these tests must not run beside each other.
[Collection(nameof(DockerHostVariable))]
public sealed class DockerEngineProbeTests
{
    [Fact]
    public async Task AnswersAsync_SocketThatAnswersPing_IsTrue()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fake-docker-{Guid.NewGuid():N}.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var server = AnswerOnePingAsync(listener, TestContext.Current.CancellationToken);

        try
        {
            using var _ = DockerHostVariable.Set("unix://" + path);
            Assert.True(await DockerEngineProbe.AnswersAsync(TestContext.Current.CancellationToken));
            await server;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("unix:///nonexistent/docker.sock")]
    [InlineData("tcp://127.0.0.1:1")]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("not a uri")]
    public async Task AnswersAsync_NothingThere_IsFalse(string host)
    {
        using var _ = DockerHostVariable.Set(host);

        Assert.False(await DockerEngineProbe.AnswersAsync(TestContext.Current.CancellationToken));
    }

    private static async Task AnswerOnePingAsync(Socket listener, CancellationToken ct)
    {
        using var connection = await listener.AcceptAsync(ct);
        var buffer = new byte[4096];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await connection.ReceiveAsync(buffer, ct);
            if (read == 0)
            {
                return;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.StartsWith("GET /_ping ", request.ToString(), StringComparison.Ordinal);
        await connection.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK"), ct);
    }
}
