using Microsoft.Extensions.Options;
using Registry.Catalog;
using Registry.Options;
using Registry.Storage;

namespace Registry.Hosting;

/// <summary>
/// Runs before Kestrel accepts requests: connects to the backing services named in configuration
/// (<see cref="BackingServiceOptions"/>; the registry starts none itself, <c>src/Registry.AppHost</c>
/// does that for development), then creates the bucket, tables and database the registry needs.
/// </summary>
internal sealed class RegistryStartup(
    IOptions<BackingServiceOptions> endpoints,
    BackingServiceClients clients,
    IModelCatalog catalog,
    ArchiveStores stores,
    IEnumerable<IStartupTask> startupTasks,
    ILogger<RegistryStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Backing services: S3 {S3}, DynamoDB {DynamoDb}{Emulator}",
            endpoints.Value.S3Description, endpoints.Value.DynamoDbDescription, endpoints.Value.Emulator ? " (emulators)" : "");
        await clients.StartAsync(cancellationToken);
        await catalog.EnsureCreatedAsync(cancellationToken);
        foreach (var store in stores.All)
        {
            await store.EnsureCreatedAsync(cancellationToken);
        }

        foreach (var task in startupTasks)
        {
            await task.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
