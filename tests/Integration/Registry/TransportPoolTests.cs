using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PerfTesting.BackingServices.Fixtures;
using Registry.Hosting.Transport;
using static Tests.Integration.Registry.RegistryTesting;

namespace Tests.Integration.Registry;

/// <summary>
/// Kestrel's socket transport gets the registry's 64 KiB-block pool however the registry is hosted:
/// as its own process, and inside a test host (WebApplicationFactory adds Kestrel after the
/// registry's own services). Without it every read of a download asks for more than Kestrel's 4 KiB
/// blocks and takes an array from the shared ArrayPool, which a hundred downloads at once run dry.
/// </summary>
public sealed class TransportPoolTests(BackingServicesFixture fixture)
{
    [Fact]
    public async Task TheSocketTransport_UsesTheLargeBlockPool()
    {
        await using var app = await StartAsync(fixture, nameof(TheSocketTransport_UsesTheLargeBlockPool));

        var factory = app.Services.GetRequiredService<IMemoryPoolFactory<byte>>();
        using var pool = factory.Create();

        Assert.IsType<LargeBlockMemoryPoolFactory>(factory);
        Assert.Equal(LargeBlockMemoryPool.BlockBytes, pool.MaxBufferSize);
        Assert.Equal(256 * 1024, app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.MaxWriteBufferSize);
    }
}
