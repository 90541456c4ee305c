using System.Globalization;
using Registry.Hosting.Transport;
using Registry.Models;
using Registry.Resilience;

namespace Registry.Endpoints;

/// <summary>
/// GET of an archive: authorised first, then either a redirect to a presigned S3 URL (when that
/// optimisation is on), or the local copy of the hot-archive cache (when that one is on), or the bytes
/// streamed from the store into the response's own pooled blocks, so a 1 GiB archive costs the process a
/// few blocks, not a gigabyte.
/// </summary>
internal static class ModelDownload
{
    public static async Task<IResult> GetAsync(
        HttpContext context, string owner, string name, string version, [AsParameters] ModelServices services, CancellationToken cancellationToken)
    {
        var started = services.Time.GetTimestamp();
        if (!ModelKey.TryCreate(owner, name, version, out var key, out var error))
        {
            return Problems.BadRequest(error);
        }

        var performance = services.Performance.Value;
        // Only a streamed download checks what it reads against the store (DownloadRecords says why that
        // makes a remembered archive safe); a redirect or a copy of the archive cache would not.
        var remembering = performance.RememberDownloadedArchives && !performance.PresignedUrlsEnabled && !performance.ArchiveCacheEnabled;
        if (remembering && services.DownloadRecords.TryGet(key, out var remembered))
        {
            if (await StreamAsync(context, key, remembered, services, started, remembered: true, cancellationToken) is { } served)
            {
                return served;
            }

            services.DownloadRecords.Forget(key); // not under its key any more: ask the catalog
        }

        var record = await services.Catalog.GetAsync(key, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound($"Model {key} does not exist.");
        }

        if (record.Archive is not { } archive)
        {
            return Problems.NotFound($"Model {key} has metadata only, no archive.");
        }

        var store = services.Stores.Named(archive.Backend);
        if (performance.PresignedUrlsEnabled
            && await store.PresignAsync(archive.StorageKey, TimeSpan.FromSeconds(performance.PresignedUrlExpirySeconds), cancellationToken) is { } url)
        {
            context.Response.Headers.CacheControl = "no-store";
            services.Metrics.RecordDownload(services.Time.GetElapsedTime(started), 0);
            return TypedResults.Redirect(url.ToString(), permanent: false, preserveMethod: true);
        }

        if (performance.ArchiveCacheEnabled)
        {
            var range = RangeRequest.Resolve(context.Request.Headers.Range, archive.SizeBytes);
            var response = context.Response;
            response.Headers.AcceptRanges = "bytes";
            response.Headers.ETag = $"\"{archive.Sha256}\"";
            if (range.IsUnsatisfiable)
            {
                response.Headers.ContentRange = $"bytes */{archive.SizeBytes}";
                return Problems.RangeNotSatisfiable($"The archive has {archive.SizeBytes} bytes.");
            }

            if (await services.ArchiveCache.AcquireAsync(archive, cancellationToken) is { } lease)
            {
                using (lease)
                {
                    return await SendCachedAsync(context, key, archive, range.Range, lease.Path, services, started, cancellationToken);
                }
            }
        }

        return (await StreamAsync(context, key, archive, services, started, remembered: false, cancellationToken))!;
    }

    // Served from the local copy (verified against the catalog's SHA-256 when it was filled): no store
    // read, no catalog of the store's own, positional reads of the file.
    private static async Task<IResult> SendCachedAsync(
        HttpContext context, ModelKey key, ArchiveInfo archive, Storage.ByteRange? range, string path, ModelServices services, long started, CancellationToken cancellationToken)
    {
        var response = context.Response;
        SetContentHeaders(response, key, archive, range);
        var (offset, count) = range is { } part ? (part.From, part.Length) : (0L, archive.SizeBytes);
        var readBytes = Math.Min(services.Performance.Value.StreamBufferBytes, LargeBlockMemoryPool.BlockBytes);
        var fromCache = await CachedFileBody.SendAsync(response, path, offset, count, readBytes, cancellationToken);
        if (fromCache.Sent != count && !fromCache.ClientGone && !cancellationToken.IsCancellationRequested)
        {
            // Cannot happen for a verified file unless something outside the registry cut it short.
            services.Logger.LogWarning("Download of {Model} from the archive cache ended after {Sent} of {Expected} bytes", key, fromCache.Sent, count);
            context.Abort();
            return Results.Empty;
        }

        services.Metrics.RecordDownload(services.Time.GetElapsedTime(started), fromCache.Sent);
        return Results.Empty;
    }

    /// <summary>
    /// Streams the archive from its store. With a <paramref name="remembered"/> archive (no catalog lookup
    /// for this request), null when the store has nothing under its key or the range does not fit it:
    /// nothing has been sent, and the caller asks the catalog.
    /// </summary>
    private static async Task<IResult?> StreamAsync(
        HttpContext context, ModelKey key, ArchiveInfo archive, ModelServices services, long started, bool remembered, CancellationToken cancellationToken)
    {
        // At most one transport block per read: a larger request falls through to the shared ArrayPool,
        // which a hundred downloads at once run dry (the track measured 1.09 bytes allocated per byte
        // sent with 1 MiB reads that way).
        var readBytes = Math.Min(services.Performance.Value.StreamBufferBytes, LargeBlockMemoryPool.BlockBytes);
        var range = RangeRequest.Resolve(context.Request.Headers.Range, archive.SizeBytes);
        var response = context.Response;
        if (range.IsUnsatisfiable)
        {
            if (remembered)
            {
                return null; // the catalog's archive may be another one now (a reset and a new upload)
            }

            response.Headers.AcceptRanges = "bytes";
            response.Headers.ETag = $"\"{archive.Sha256}\"";
            response.Headers.ContentRange = $"bytes */{archive.SizeBytes}";
            return Problems.RangeNotSatisfiable($"The archive has {archive.SizeBytes} bytes.");
        }

        var store = services.Stores.Named(archive.Backend);
        var firstByteStarted = services.Time.GetTimestamp();
        await using var content = await store.OpenReadAsync(archive.StorageKey, range.Range, cancellationToken);

        services.Metrics.RecordFirstByte(services.Time.GetElapsedTime(firstByteStarted));
        response.Headers.AcceptRanges = "bytes";
        response.Headers.ETag = $"\"{archive.Sha256}\"";
        SetContentHeaders(response, key, archive, range.Range);

        // Kept before the first byte goes out, so that whoever sees this download's bytes also finds the
        // entry (a test reading it after the response raced the copy's end). Keeping the catalog's answer
        // even if the copy then fails is safe: the next read of the key checks it (DownloadRecords).
        var options = services.Performance.Value;
        if (!remembered && options.RememberDownloadedArchives && !options.PresignedUrlsEnabled && !options.ArchiveCacheEnabled)
        {
            services.DownloadRecords.Remember(key, archive);
        }

        BodyCopy copy;
        try
        {
            copy = await ResponseBody.CopyAsync(new StreamSource(content), response, range.Range?.Length ?? archive.SizeBytes, readBytes, cancellationToken);
        }
        catch (BackingServiceUnavailableException e) when (response.HasStarted)
        {
            // Headers are sent, so no 503 can follow: end the connection within the bound; the client
            // sees fewer bytes than Content-Length (or a reset) and knows the download failed.
            services.Logger.LogWarning("Download of {Model} cut off: {Service} stopped answering mid-stream", key, e.Service);
            services.Metrics.RecordError(e.Service);
            context.Abort();
            return Results.Empty;
        }

        var sent = copy.Sent;
        var expected = range.Range?.Length ?? archive.SizeBytes;
        if (sent != expected && (copy.ClientGone || context.RequestAborted.IsCancellationRequested))
        {
            return Results.Empty; // the client went away: nothing to report to it
        }

        if (sent != expected)
        {
            if (!response.HasStarted)
            {
                response.Headers.Remove("Content-Range");
                response.Headers.Remove("ETag");
                response.Headers.ContentDisposition = default;
                response.ContentLength = null;
                response.StatusCode = StatusCodes.Status200OK;
                if (remembered && sent == 0)
                {
                    return null;
                }

                // The archive went away under the read (a reset deleted it after the catalog lookup).
                services.Logger.LogWarning("Download of {Model} ended after {Sent} of {Expected} bytes: the archive was deleted", key, sent, expected);
                return Problems.NotFound($"Model {key} was deleted (a reset ran) while it was being read.");
            }

            services.Logger.LogWarning("Download of {Model} ended after {Sent} of {Expected} bytes: the archive was deleted", key, sent, expected);
            context.Abort();
            return Results.Empty;
        }

        services.Metrics.RecordStorageRead(store.Name, services.Time.GetElapsedTime(firstByteStarted));
        services.Metrics.RecordDownload(services.Time.GetElapsedTime(started), sent);
        return Results.Empty;
    }

    private static void SetContentHeaders(HttpResponse response, ModelKey key, ArchiveInfo archive, Storage.ByteRange? range)
    {
        response.ContentType = "application/zip";
        response.Headers.ContentDisposition = $"attachment; filename=\"{key.Name}-{key.Version}.zip\"";
        if (range is { } r)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {r.From}-{r.To}/{archive.SizeBytes}");
            response.ContentLength = r.Length;
        }
        else
        {
            response.ContentLength = archive.SizeBytes;
        }
    }
}
