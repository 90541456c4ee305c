using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using Npgsql;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Containers;
using PerfTesting.BackingServices.Fixtures;

namespace Tests.Integration.BackingServices;

/// <summary>What only the containers provider promises: durable PostgreSQL, and no orphans without Ryuk.</summary>
public sealed class ContainersProviderTests(BackingServicesFixture fixture)
{
    [Fact]
    public async Task Postgres_RunsWithAProductionServersDurability()
    {
        var ct = TestContext.Current.CancellationToken;
        await ProviderAvailability.SkipUnlessAvailableAsync(BackingServiceKind.Containers, ct);
        var services = await fixture.GetAsync(BackingServiceKind.Containers, ct);
        TestContext.Current.TestOutputHelper?.WriteLine(((ContainerBackingServices)services).Description);

        await using var dataSource = NpgsqlDataSource.Create(services.Endpoints.PostgresConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT current_setting('fsync'), current_setting('full_page_writes'), current_setting('synchronous_commit'), inet_server_addr() IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);

        Assert.Equal(["on", "on", "on"], [reader.GetString(0), reader.GetString(1), reader.GetString(2)]);
        Assert.True(reader.GetBoolean(3), "connected over TCP, not a socket file");
        Assert.True(new NpgsqlConnectionStringBuilder(services.Endpoints.PostgresConnectionString).Host is "127.0.0.1" or "localhost"
            || !string.Equals(TestcontainersSettings.OS.DockerEndpointAuthConfig.Endpoint.Scheme, "unix", StringComparison.Ordinal),
            "a local engine's containers are reached on loopback");
    }

    [Fact]
    public async Task OrphanSweep_RemovesContainersOfADeadRun_AndKeepsThoseOfALiveOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await ProviderAvailability.SkipUnlessAvailableAsync(BackingServiceKind.Containers, ct);
        await fixture.GetAsync(BackingServiceKind.Containers, ct); // its images are present once it runs
        using var docker = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
        // The smallest image present (creating a container copies its layer under the vfs driver).
        string[] candidates = [ContainerImages.DefaultRedis, ContainerImages.LocalRedis, ContainerImages.DefaultPostgres, ContainerImages.DefaultEmulators, ContainerImages.LocalPostgres];
        var image = await FirstPresentAsync(docker, candidates, ct);

        var deadRun = RunOwner.Labels.ToDictionary();
        deadRun[RunOwner.PidLabel] = (await ExitedProcessIdAsync(ct)).ToString(CultureInfo.InvariantCulture);
        // Created, never started: labels are all the sweep reads.
        var orphan = await docker.Containers.CreateContainerAsync(new CreateContainerParameters { Image = image, Labels = deadRun }, ct);
        var live = await docker.Containers.CreateContainerAsync(new CreateContainerParameters { Image = image, Labels = RunOwner.Labels.ToDictionary() }, ct);
        try
        {
            var removed = await OrphanContainers.RemoveAsync(docker, ct);

            // Created after this process's own start-up sweep, so only a sweep can have removed it (this one,
            // or a concurrent test process's start).
            Assert.DoesNotContain(live.ID, removed);
            await Assert.ThrowsAsync<DockerContainerNotFoundException>(() => docker.Containers.InspectContainerAsync(orphan.ID, ct));
            Assert.Equal(live.ID, (await docker.Containers.InspectContainerAsync(live.ID, ct)).ID);
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(live.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
            try
            {
                await docker.Containers.RemoveContainerAsync(orphan.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
            }
            catch (DockerContainerNotFoundException)
            {
                // The sweep removed it, as it should.
            }
        }
    }

    private static async Task<string> FirstPresentAsync(IDockerClient docker, string[] images, CancellationToken ct)
    {
        foreach (var image in images)
        {
            if (await DockerImages.ExistsAsync(docker, image, ct))
            {
                return image;
            }
        }

        throw new InvalidOperationException($"none of {string.Join(", ", images)} is present, although the provider started");
    }

    private static async Task<int> ExitedProcessIdAsync(CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync(ct);
        return process.Id;
    }
}
