using System.Net;
using Amazon.S3;
using Registry.Options;
using Registry.Storage;

namespace Registry.Resilience;

/// <summary>
/// An archive store whose every call is bounded and counted by its service's circuit breaker. Uploads
/// get a bound that grows with their size; a download's stream bounds each read of its next block.
/// </summary>
internal sealed class GuardedArchiveStore(IArchiveStore inner, BackingService service, ResilienceOptions options, TimeProvider time) : IArchiveStore
{
    public string Name => inner.Name;

    public Task PutAsync(string key, Stream content, long length, CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.PutAsync(key, content, length, ct), cancellationToken, options.TransferTimeout(length));

    /// <remarks>An archive deleted since the catalog lookup (a reset) reads as empty; the caller compares lengths.</remarks>
    public async Task<Stream> OpenReadAsync(string key, ByteRange? range, CancellationToken cancellationToken)
    {
        try
        {
            return new GuardedReadStream(await service.CallAsync(ct => inner.OpenReadAsync(key, range, ct), cancellationToken), service, options.CallTimeout, time);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return Stream.Null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.DeleteAsync(key, ct), cancellationToken);

    public Task<Uri?> PresignAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.PresignAsync(key, lifetime, ct), cancellationToken);

    // At startup, on a machine still busy starting its services: the generous bound, like reset's.
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.EnsureCreatedAsync(ct), cancellationToken, TimeSpan.FromSeconds(options.ResetStepTimeoutSeconds));

    // Each call inside a reset is bounded by the client's own timeout; this bounds the whole.
    public Task ResetAsync(CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.ResetAsync(ct), cancellationToken, TimeSpan.FromSeconds(options.ResetStepTimeoutSeconds));

    // The user's call timeout, not the probe's: the breaker counts a probe as the call it stands for (ServiceProbe).
    public Task PingAsync(CancellationToken cancellationToken) =>
        service.CallAsync(ct => inner.PingAsync(ct), cancellationToken);
}
