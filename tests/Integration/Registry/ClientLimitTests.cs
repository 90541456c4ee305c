using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PerfTesting.BackingServices.Fixtures;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>
/// A client that stops sending is cut off after the configured bound and leaves nothing behind.
/// Raw sockets, because HttpClient cannot stall half-way through a body on purpose.
/// </summary>
public sealed class ClientLimitTests(BackingServicesFixture fixture)
{
    [Fact]
    public async Task UploadThatStallsAfter1MiB_Gets408WithinTheBound_AndItsSpoolFileIsDeleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var spool = Directory.CreateTempSubdirectory("registry-spool-test-").FullName;
        try
        {
            await using var app = await StartAsync(fixture, nameof(UploadThatStallsAfter1MiB_Gets408WithinTheBound_AndItsSpoolFileIsDeleted), new Dictionary<string, string?>
            {
                ["ClientLimits:BodyIdleTimeoutSeconds"] = "1",
                ["ClientLimits:SpoolDirectory"] = spool,
            });
            using var socket = await ConnectAsync(app.BaseAddress, ct);
            var stream = new NetworkStream(socket);
            var header = $"PUT /models/acme/stalled/1.0.0 HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\nAuthorization: Bearer {Tests.Shared.RegistryApp.AdminToken}\r\n" +
                $"Content-Type: application/zip\r\nContent-Length: {2 * 1024 * 1024}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(header), ct);
            await stream.WriteAsync(Archive(1024 * 1024, 1), ct);
            await stream.FlushAsync(ct);
            await WaitUntilAsync(() => Task.FromResult(Directory.EnumerateFiles(spool).Any()), TimeSpan.FromSeconds(30), ct);

            var started = Stopwatch.GetTimestamp();
            var answer = await ReadUntilClosedAsync(stream, TimeSpan.FromSeconds(30), ct);
            var took = Stopwatch.GetElapsedTime(started);
            await WaitUntilAsync(() => Task.FromResult(!Directory.EnumerateFiles(spool).Any()), TimeSpan.FromSeconds(10), ct);
            using var reader = app.Reader();
            using var get = await reader.GetAsync("models/acme/stalled/1.0.0", ct);

            Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
            Assert.True(took < TimeSpan.FromSeconds(10), $"cut off after {took} (bound 1 s idle)"); // it used to wait as long as the client liked
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Equal(0, app.ServerErrors);
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    [Fact]
    public async Task ClientThatNeverFinishesItsHeaders_IsDisconnectedWithinTheBound()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await StartAsync(fixture, nameof(ClientThatNeverFinishesItsHeaders_IsDisconnectedWithinTheBound),
            new Dictionary<string, string?> { ["ClientLimits:RequestHeadersTimeoutSeconds"] = "1" });
        using var socket = await ConnectAsync(app.BaseAddress, ct);
        var stream = new NetworkStream(socket);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /models HTTP/1.1\r\nHost: x\r\nX-Slow: "), ct);

        var started = Stopwatch.GetTimestamp();
        var answer = await ReadUntilClosedAsync(stream, TimeSpan.FromSeconds(30), ct);
        var took = Stopwatch.GetElapsedTime(started);

        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
        Assert.True(took < TimeSpan.FromSeconds(10), $"disconnected after {took} (bound 1 s)");
    }

    private static async Task<Socket> ConnectAsync(Uri address, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address.Host, address.Port, ct);
        return socket;
    }

    // Everything the server sends until it closes the connection (or the limit passes: then the test fails on the bound).
    private static async Task<string> ReadUntilClosedAsync(Stream stream, TimeSpan limit, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer: what arrived is what counts.
        }

        return Encoding.ASCII.GetString(received.ToArray());
    }
}
