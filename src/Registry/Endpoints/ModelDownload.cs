using System.Globalization;
using Registry.Models;
using Registry.Resilience;

namespace Registry.Endpoints;

/// <summary>
/// GET of an archive: authorised first, then either a redirect to a presigned S3 URL (when that
/// optimisation is on) or the bytes streamed from the store through a fixed-size buffer, so a 1 GiB
/// archive costs the process one buffer, not a gigabyte.
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
        var performance = services.Performance.Value;
        if (performance.PresignedUrlsEnabled
            && await store.PresignAsync(archive.StorageKey, TimeSpan.FromSeconds(performance.PresignedUrlExpirySeconds), cancellationToken) is { } url)
        {
            context.Response.Headers.CacheControl = "no-store";
            services.Metrics.RecordDownload(services.Time.GetElapsedTime(started), 0);
            return TypedResults.Redirect(url.ToString(), permanent: false, preserveMethod: true);
        }

        var range = RangeRequest.Resolve(context.Request.Headers.Range, archive.SizeBytes);
        var response = context.Response;
        response.Headers.AcceptRanges = "bytes";
        response.Headers.ETag = $"\"{archive.Sha256}\"";
        if (range.IsUnsatisfiable)
        {
            response.Headers.ContentRange = $"bytes */{archive.SizeBytes}";
            return Problems.RangeNotSatisfiable($"The archive has {archive.SizeBytes} bytes.");
        }

        var firstByteStarted = services.Time.GetTimestamp();
        await using var content = await store.OpenReadAsync(archive.StorageKey, range.Range, cancellationToken);

        services.Metrics.RecordFirstByte(services.Time.GetElapsedTime(firstByteStarted));

        response.ContentType = "application/zip";
        response.Headers.ContentDisposition = $"attachment; filename=\"{key.Name}-{key.Version}.zip\"";
        if (range.Range is { } r)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {r.From}-{r.To}/{archive.SizeBytes}");
            response.ContentLength = r.Length;
        }
        else
        {
            response.ContentLength = archive.SizeBytes;
        }

        long sent;
        try
        {
            sent = await CopyAsync(content, response, range.Range?.Length ?? archive.SizeBytes, performance.StreamBufferBytes, cancellationToken);
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

        var expected = range.Range?.Length ?? archive.SizeBytes;
        if (sent != expected)
        {
            // The archive went away under the read (a reset deleted it after the catalog lookup).
            services.Logger.LogWarning("Download of {Model} ended after {Sent} of {Expected} bytes: the archive was deleted", key, sent, expected);
            if (!response.HasStarted)
            {
                response.Headers.Remove("Content-Range");
                response.Headers.ContentDisposition = default;
                response.ContentLength = null;
                response.StatusCode = StatusCodes.Status200OK;
                return Problems.NotFound($"Model {key} was deleted (a reset ran) while it was being read.");
            }

            context.Abort();
            return Results.Empty;
        }
        services.Metrics.RecordStorageRead(store.Name, services.Time.GetElapsedTime(firstByteStarted));
        services.Metrics.RecordDownload(services.Time.GetElapsedTime(started), sent);
        return Results.Empty;
    }

    // Never more than 'length' bytes: the AWS SDK's ByteRange(0, 0) asks for the whole object (an End of
    // 0 reads as unset), and writing past Content-Length is a 500. Found by MalformedInputTests ("bytes=0-0").
    private static async Task<long> CopyAsync(Stream content, HttpResponse response, long length, int bufferBytes, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(bufferBytes);
        try
        {
            long sent = 0;
            int read;
            while (sent < length && (read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(bufferBytes, length - sent)), cancellationToken)) > 0)
            {
                await response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                sent += read;
            }

            return sent;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
