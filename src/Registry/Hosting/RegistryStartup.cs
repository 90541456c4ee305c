using PerfTesting.Environment;
using Registry.Catalog;
using Registry.Storage;

namespace Registry.Hosting;

/// <summary>
/// Runs before Kestrel accepts requests: finds the backing services (endpoints given to the host, as
/// tests do; else <c>PERF_SERVICES</c> and the foundation's default: containers where Docker answers,
/// else local emulator processes), then creates the bucket, tables and database the registry needs.
/// Embedded services it started itself are stopped with the host.
/// </summary>
internal sealed class RegistryStartup(
    IServiceProvider services,
    BackingServiceClients clients,
    IModelCatalog catalog,
    ArchiveStores stores,
    IEnumerable<IStartupTask> startupTasks,
    ILogger<RegistryStartup> logger) : IHostedService
{
    private IBackingServices? _owned;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoints = services.GetService<BackingServiceEndpoints>();
        if (endpoints is null)
        {
            logger.LogInformation("No backing services configured: starting them ({Variable}={Value})",
                BackingServices.SelectionVariable, System.Environment.GetEnvironmentVariable(BackingServices.SelectionVariable) ?? "auto");
            _owned = await BackingServices.StartAsync(cancellationToken);
            endpoints = _owned.Endpoints;
        }

        logger.LogInformation("Backing services ({Kind}): S3 {S3}, DynamoDB {DynamoDb}", endpoints.Kind,
            endpoints.S3.ServiceUrl?.ToString() ?? "AWS " + endpoints.S3.Region, endpoints.DynamoDb.ServiceUrl?.ToString() ?? "AWS " + endpoints.DynamoDb.Region);
        await clients.StartAsync(endpoints, cancellationToken);
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

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}
