using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Containers;
using PerfTesting.BackingServices.External;
using PerfTesting.BackingServices.Fixtures;

namespace Tests.Integration.BackingServices;

/// <summary>Skips a provider's tests, with the reason, where the machine cannot run that provider.</summary>
internal static class ProviderAvailability
{
    public static async Task SkipUnlessAvailableAsync(BackingServiceKind kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case BackingServiceKind.Containers when !await DockerEngineProbe.AnswersAsync(cancellationToken):
                Assert.Skip("No Docker engine answers (DOCKER_HOST or /var/run/docker.sock), so the containers provider cannot run here.");
                break;
            case BackingServiceKind.External when string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(ExternalBackingServices.PostgresVariable)):
                Assert.Skip($"External endpoints are not configured ({ExternalBackingServices.PostgresVariable}, {ExternalBackingServices.S3UrlVariable}, {ExternalBackingServices.DynamoDbUrlVariable}).");
                break;
        }
    }

    /// <summary>The provider's services from the assembly's fixture, after skipping the test where the machine cannot run that provider.</summary>
    public static async Task<IBackingServices> GetIfAvailableAsync(this BackingServicesFixture fixture, BackingServiceKind kind, CancellationToken cancellationToken)
    {
        await SkipUnlessAvailableAsync(kind, cancellationToken);
        return await fixture.GetAsync(kind, cancellationToken);
    }
}
