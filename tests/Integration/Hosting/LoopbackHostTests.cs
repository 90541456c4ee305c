using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PerfTesting.Xunit.Hosting;

namespace Tests.Integration.Hosting;

/// <summary>The public loopback host of PerfTesting.Xunit: real sockets on 127.0.0.1, freed on dispose.</summary>
public sealed class LoopbackHostTests
{
    [Fact]
    public async Task StartAsync_MappedEndpoint_AnswersOnLoopback()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackHost.StartAsync(app => app.MapGet("/hello", () => "hello"));
        using var http = new HttpClient();

        var body = await http.GetStringAsync(server.Url("/hello"), ct);

        Assert.Equal("hello", body);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
    }

    [Fact]
    public async Task StartAsync_WithServices_EndpointsResolveThem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackHost.StartAsync(
            builder => builder.Services.AddSingleton(new Greeting("from a service")),
            app => app.MapGet("/", (Greeting greeting) => greeting.Text));
        using var http = new HttpClient();

        Assert.Equal("from a service", await http.GetStringAsync(server.Url("/"), ct));
        Assert.Same(server.Services.GetRequiredService<Greeting>(), server.Services.GetRequiredService<Greeting>());
    }

    [Fact]
    public async Task DisposeAsync_StopsListening()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await LoopbackHost.StartAsync(app => app.MapGet("/", () => "hello"));
        var port = server.BaseAddress.Port;

        await server.DisposeAsync();

        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port, ct).AsTask());
    }

    private sealed record Greeting(string Text);
}
