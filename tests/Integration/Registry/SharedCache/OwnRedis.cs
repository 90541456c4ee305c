using System.Diagnostics;
using System.Globalization;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Containers;
using PerfTesting.BackingServices.LocalProcesses;
using StackExchange.Redis;
using Testcontainers.Redis;

namespace Tests.Integration.Registry.SharedCache;

/// <summary>
/// A Redis that one test owns, of its provider's kind (a local <c>redis-server</c>, or a Redis container
/// started through Testcontainers.Redis from the provider's image), so that the test may crash it
/// (SIGKILL) and start it again on the same endpoint without another test noticing.
/// </summary>
internal abstract class OwnRedis : IAsyncDisposable
{
    /// <summary>The StackExchange.Redis configuration string, <c>127.0.0.1:port</c>.</summary>
    public abstract string Endpoint { get; }

    public static async Task<OwnRedis> StartAsync(IBackingServices services, CancellationToken ct) => services switch
    {
        ContainerBackingServices containers => await InContainer.StartAsync(containers.RedisImage, ct),
        _ => new LocalProcess(await LocalRedis.StartAsync(cancellationToken: ct)),
    };

    /// <summary>Kills the server with SIGKILL and returns once it is gone (and stays gone).</summary>
    public abstract Task CrashAsync(CancellationToken ct);

    /// <summary>Starts it again on the same endpoint, empty, and returns once it answers.</summary>
    public abstract Task StartAgainAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private sealed class LocalProcess(LocalRedis first) : OwnRedis
    {
        private LocalRedis _current = first;

        public override string Endpoint => _current.Endpoint;

        public override async Task CrashAsync(CancellationToken ct)
        {
            int pid;
            using (var connection = await ConnectionMultiplexer.ConnectAsync(Endpoint + ",allowAdmin=true"))
            {
                var info = await connection.GetServer(Endpoint).InfoAsync("server");
                pid = int.Parse(info.SelectMany(g => g).Single(p => p.Key == "process_id").Value, CultureInfo.InvariantCulture);
            }

            using (var process = Process.GetProcessById(pid))
            {
                process.Kill();
            }

            // Its watchdog would start it again on the same port within about a second (the embedded
            // default heals); this test wants an outage, so the watchdog is stopped too.
            await _current.DisposeAsync();
        }

        public override async Task StartAgainAsync(CancellationToken ct) =>
            _current = await LocalRedis.StartAsync(_current.Port, ct);

        public override ValueTask DisposeAsync() => _current.DisposeAsync();
    }

    private sealed class InContainer(RedisContainer container, int port) : OwnRedis
    {
        public override string Endpoint => $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

        public static async Task<OwnRedis> StartAsync(string image, CancellationToken ct)
        {
            // A fixed host port: a stopped container started again keeps it, so the registry's endpoint stays valid.
            var port = LoopbackPort.NextFree();
            var container = RedisContainers.Build(image, RunOwner.Labels, port);
            try
            {
                await container.StartAsync(ct);
                return new InContainer(container, port);
            }
            catch
            {
                await container.DisposeAsync();
                throw;
            }
        }

        public override async Task CrashAsync(CancellationToken ct)
        {
            using var docker = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
            await docker.Containers.KillContainerAsync(container.Id, new ContainerKillParameters { Signal = "KILL" }, ct);
            await RegistryTesting.WaitUntilAsync(
                async () => (await docker.Containers.InspectContainerAsync(container.Id, ct)).State?.Running != true,
                TimeSpan.FromSeconds(30),
                ct);
        }

        public override Task StartAgainAsync(CancellationToken ct) => container.StartAsync(ct);

        public override ValueTask DisposeAsync() => container.DisposeAsync();
    }
}
