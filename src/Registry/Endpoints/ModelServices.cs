using Microsoft.Extensions.Options;
using Registry.Catalog;
using Registry.Diagnostics;
using Registry.Options;
using Registry.Storage;
using Registry.Storage.Caching;

namespace Registry.Endpoints;

/// <summary>What the model handlers need, bound with [AsParameters].</summary>
internal sealed record ModelServices(
    IModelCatalog Catalog,
    ArchiveStores Stores,
    ArchiveCache ArchiveCache,
    DownloadRecords DownloadRecords,
    IOptions<RegistryOptions> Registry,
    IOptions<PerformanceOptions> Performance,
    IOptions<ClientLimitsOptions> ClientLimits,
    RegistryMetrics Metrics,
    TimeProvider Time,
    Reset.ResetGate ResetGate,
    ILogger<ModelServices> Logger);
