using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PerfTesting.Load;

namespace Tests.Integration.Load;

public sealed class HttpStepTests
{
    [Fact]
    public async Task Get_LargeBody_CountsEveryByteWithoutKeepingIt()
    {
        var body = new byte[3 * 1024 * 1024 + 17];
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/big", () => Results.Bytes(body, "application/octet-stream")));
        using var http = new HttpClient();

        var outcome = await HttpStep.Get(http, server.Url("/big"))(new ScenarioContext(0), TestContext.Current.CancellationToken);

        Assert.Equal(StepOutcome.Ok(body.Length, 200), outcome);
    }

    [Fact]
    public async Task Send_ServerError_IsAFailureWithItsStatus()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/fail", () => Results.Problem(statusCode: 503)));
        using var http = new HttpClient();

        var outcome = await HttpStep.Send(http, _ => new HttpRequestMessage(HttpMethod.Get, server.Url("/fail")))(new ScenarioContext(0), TestContext.Current.CancellationToken);

        Assert.False(outcome.Success);
        Assert.Equal(503, outcome.StatusCode);
        Assert.Equal("status 503", outcome.ErrorKind);
        Assert.True(outcome.Bytes > 0);
    }

    [Fact]
    public async Task Get_NothingListening_IsAConnectionRefusal()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var http = new HttpClient();

        var outcome = await HttpStep.Get(http, new Uri($"http://127.0.0.1:{port}/"))(new ScenarioContext(0), TestContext.Current.CancellationToken);

        Assert.Equal("connection refused", outcome.ErrorKind);
    }

    [Fact]
    public async Task Get_ClientTimeout_IsATimeout()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            return Results.Ok();
        }));
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(100) };

        var outcome = await HttpStep.Get(http, server.Url("/slow"))(new ScenarioContext(0), TestContext.Current.CancellationToken);

        Assert.Equal("timeout", outcome.ErrorKind);
    }

    [Fact]
    public void Classify_KnownExceptions_HaveShortNames()
    {
        Assert.Equal("connection reset", HttpStep.Classify(new HttpRequestException("x", new IOException("reset"))));
        Assert.Equal("connection timed out", HttpStep.Classify(new HttpRequestException("x", new SocketException((int)SocketError.TimedOut))));
        Assert.Equal("response ended early", HttpStep.Classify(new HttpIOException(HttpRequestError.ResponseEnded)));
        Assert.Equal("http NameResolutionError", HttpStep.Classify(new HttpRequestException(HttpRequestError.NameResolutionError)));
        Assert.Equal("FormatException", HttpStep.Classify(new FormatException()));
    }
}
