using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Registry.Models;
using Registry.Reset;
using Registry.Storage;

namespace Registry.Endpoints;

/// <summary>
/// PUT of a model version. Every check happens before anything is stored: the key, the media type,
/// the metadata, the size (413), the zip signature. The archive is stored under a key that holds its
/// hash and only then claimed in the catalog with a conditional write, so two racing uploads of
/// different bytes can never overwrite each other: the loser's object is deleted and it gets 409.
/// </summary>
internal static class ModelUpload
{
    public static async Task<Results<Created<ModelResponse>, Ok<ModelResponse>, ProblemHttpResult>> PutAsync(
        HttpContext context, string owner, string name, string version, [AsParameters] ModelServices services, CancellationToken cancellationToken)
    {
        if (!ModelKey.TryCreate(owner, name, version, out var key, out var error))
        {
            return Problems.BadRequest(error);
        }

        var limits = services.Registry.Value;
        var request = context.Request;
        if (request.ContentLength > limits.MaxArchiveBytes)
        {
            return Problems.TooLarge($"The body is {request.ContentLength} bytes; the limit is {limits.MaxArchiveBytes}.");
        }

        // The registry enforces its own limit (above and while spooling) instead of Kestrel's 30 MB default.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = null;
        }

        // Media types are case-insensitive (RFC 9110 8.3.1).
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        return mediaType switch
        {
            "application/zip" or "application/octet-stream" => await PutArchiveAsync(context, key, services, cancellationToken),
            "application/json" => await PutMetadataOnlyAsync(context, key, services, cancellationToken),
            _ => Problems.UnsupportedMediaType("Send the archive as application/zip, or metadata only as application/json."),
        };
    }

    private static async Task<Results<Created<ModelResponse>, Ok<ModelResponse>, ProblemHttpResult>> PutArchiveAsync(
        HttpContext context, ModelKey key, ModelServices services, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>();
        var header = context.Request.Headers[ModelMetadata.Header].ToString();
        if (header.Length > services.Registry.Value.MaxMetadataBytes)
        {
            return Problems.BadRequest($"{ModelMetadata.Header} is longer than {services.Registry.Value.MaxMetadataBytes} bytes.");
        }

        if (header.Length > 0 && !ModelMetadata.TryParse(header, out metadata, out var metadataError))
        {
            return Problems.BadRequest(metadataError!);
        }

        var generation = services.ResetGate.Generation;
        if (ResetGate.IsRunning(generation))
        {
            return ResetRunning(context);
        }

        var existing = await services.Catalog.GetAsync(key, cancellationToken);
        var limits = services.ClientLimits.Value;
        var (spool, failure) = await ArchiveSpool.CopyAsync(context.Request.Body, services.Registry.Value.MaxArchiveBytes,
            TimeSpan.FromSeconds(limits.BodyIdleTimeoutSeconds), limits.SpoolDirectory ?? Path.GetTempPath(), services.Time, cancellationToken);
        switch (failure)
        {
            case SpoolFailure.TooLarge:
                return Problems.TooLarge($"The body is larger than the limit of {services.Registry.Value.MaxArchiveBytes} bytes.");
            case SpoolFailure.Empty:
                return Problems.BadRequest("The body is empty; send the model's zip archive.");
            case SpoolFailure.Stalled:
                context.Response.Headers.Connection = "close";
                return Problems.RequestTimeout($"No part of the body arrived for {limits.BodyIdleTimeoutSeconds} s; nothing was stored.");
            case SpoolFailure.NotZip:
                return Problems.BadRequest("The body is not a zip archive (it does not start with a zip signature).");
        }

        await using (spool)
        {
            ArgumentNullException.ThrowIfNull(spool);
            if (existing is not null)
            {
                return Same(existing, spool.Sha256)
                    ? TypedResults.Ok(ModelResponse.From(existing))
                    : Problems.Conflict($"Model {key} already exists with different content; publish a new version instead.");
            }

            var store = services.Stores.Active;
            var archive = new ArchiveInfo($"models/{key.Owner}/{key.Name}/{key.Version}/{spool.Sha256}.zip", spool.Length, spool.Sha256, store.Name);
            await store.PutAsync(archive.StorageKey, spool.File, spool.Length, cancellationToken);
            var record = new ModelRecord(key, archive, metadata, services.Time.GetUtcNow());
            var (added, stored) = await services.Catalog.TryAddAsync(record, cancellationToken);
            if (added && services.ResetGate.Generation != generation)
            {
                // A reset started after this upload did: it may have deleted the archive before our
                // record appeared. Undo both rather than leave a model whose archive is gone.
                await services.Catalog.RemoveAsync(key, CancellationToken.None);
                await store.DeleteAsync(archive.StorageKey, CancellationToken.None);
                return ResetRunning(context);
            }

            if (added)
            {
                // A cached copy of an earlier upload under this key (before a reset) must not be served.
                services.ArchiveCache.Invalidate(key);
                services.Logger.LogInformation("Stored {Model}: {Bytes} bytes in {Backend}", key, spool.Length, store.Name);
                return TypedResults.Created(Location(key), ModelResponse.From(record));
            }

            if (Same(stored, spool.Sha256))
            {
                return TypedResults.Ok(ModelResponse.From(stored));
            }

            // Lost a race against different bytes: remove ours, the winner's object has another key.
            await store.DeleteAsync(archive.StorageKey, CancellationToken.None);
            return Problems.Conflict($"Model {key} already exists with different content; publish a new version instead.");
        }
    }

    private static async Task<Results<Created<ModelResponse>, Ok<ModelResponse>, ProblemHttpResult>> PutMetadataOnlyAsync(
        HttpContext context, ModelKey key, ModelServices services, CancellationToken cancellationToken)
    {
        var max = services.Registry.Value.MaxMetadataBytes;
        var buffer = new byte[max + 1];
        var read = await context.Request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (read > max)
        {
            return Problems.TooLarge($"Metadata bodies are limited to {max} bytes.");
        }

        string json;
        try
        {
            json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, read);
        }
        catch (DecoderFallbackException)
        {
            return Problems.BadRequest("The body is not UTF-8 text.");
        }

        if (!ModelMetadata.TryParse(json, out var metadata, out var error))
        {
            return Problems.BadRequest(error!);
        }

        var generation = services.ResetGate.Generation;
        if (ResetGate.IsRunning(generation))
        {
            return ResetRunning(context);
        }

        var record = new ModelRecord(key, null, metadata, services.Time.GetUtcNow());
        var (added, stored) = await services.Catalog.TryAddAsync(record, cancellationToken);
        if (added && services.ResetGate.Generation != generation)
        {
            await services.Catalog.RemoveAsync(key, CancellationToken.None);
            return ResetRunning(context);
        }

        if (added)
        {
            return TypedResults.Created(Location(key), ModelResponse.From(record));
        }

        return stored.Archive is null && stored.Metadata.Count == metadata.Count && !stored.Metadata.Except(metadata).Any()
            ? TypedResults.Ok(ModelResponse.From(stored))
            : Problems.Conflict($"Model {key} already exists with different content; publish a new version instead.");
    }

    private static ProblemHttpResult ResetRunning(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return Problems.Unavailable("A reset is running or ran during this upload; nothing was kept. Upload again.");
    }

    private static bool Same(ModelRecord existing, string sha256) => existing.Archive?.Sha256 == sha256;

    private static string Location(ModelKey key) => $"/models/{key.Owner}/{key.Name}/{key.Version}";
}
