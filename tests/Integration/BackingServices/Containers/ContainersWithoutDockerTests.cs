using PerfTesting.BackingServices;

namespace Tests.Integration.BackingServices.Containers;

// Asks the machine's Docker socket, so it waits on real I/O; reads DOCKER_HOST, which DockerEngineProbeTests change.
[Collection(nameof(DockerHostVariable))]
public sealed class ContainersWithoutDockerTests
{
    [Fact]
    public async Task StartAsync_ContainersWithoutDocker_FailsWithHowToFixIt()
    {
        var ct = TestContext.Current.CancellationToken;
        if (await PerfTesting.BackingServices.Containers.DockerEngineProbe.AnswersAsync(ct))
        {
            Assert.Skip("A Docker engine answers here; the integration tests run the containers provider instead.");
        }

        var error = await Assert.ThrowsAsync<BackingServicesUnavailableException>(
            () => BackingServicesLauncher.StartAsync(BackingServiceKind.Containers, ct));

        Assert.Contains("needs a Docker engine, and none answers at", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Object reference", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tools/docker", error.Message, StringComparison.Ordinal);
        Assert.Contains("PERF_SERVICES=local", error.Message, StringComparison.Ordinal);
    }
}
