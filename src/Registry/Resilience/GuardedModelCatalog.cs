using Registry.Catalog;
using Registry.Models;
using Registry.Options;

namespace Registry.Resilience;

/// <summary>The catalog with every DynamoDB call bounded and counted by the DynamoDB circuit breaker.</summary>
internal sealed class GuardedModelCatalog(IModelCatalog inner, BackingService service, ResilienceOptions options) : IModelCatalog
{
    public Task<ModelRecord?> GetAsync(ModelKey key, CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.GetAsync(key, ct), cancellationToken);

    public Task<(bool Added, ModelRecord Stored)> TryAddAsync(ModelRecord record, CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.TryAddAsync(record, ct), cancellationToken);

    public Task<bool> RemoveAsync(ModelKey key, CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.RemoveAsync(key, ct), cancellationToken);

    public Task<ModelPage> ListAsync(int limit, ModelKey? after, CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.ListAsync(limit, after, ct), cancellationToken);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.EnsureCreatedAsync(ct), cancellationToken, TimeSpan.FromSeconds(options.ResetStepTimeoutSeconds));

    public Task ResetAsync(CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.ResetAsync(ct), cancellationToken, TimeSpan.FromSeconds(options.ResetStepTimeoutSeconds));

    public void Invalidate() => inner.Invalidate();
}
