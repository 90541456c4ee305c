using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Auth;
using Registry.Models;

namespace Registry.Endpoints;

/// <summary>Upload, list, read and download model versions.</summary>
internal static class ModelsApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/models").WithTags("Models");
        models.MapGet("/", ListAsync).WithName("ListModels").WithSummary("Model versions in stable key order, paged").RequireAuthorization(Roles.Reader);
        models.MapGet("/{owner}/{name}/{version}", GetAsync).WithName("GetModel").WithSummary("One model version").RequireAuthorization(Roles.Reader);
        models.MapPut("/{owner}/{name}/{version}", ModelUpload.PutAsync).WithName("PutModel")
            .WithSummary("Stores a version: application/zip archive (metadata in X-Model-Metadata) or application/json metadata only")
            .RequireAuthorization(Roles.Admin);
        models.MapGet("/{owner}/{name}/{version}/model.zip", ModelDownload.GetAsync).WithName("DownloadModel")
            .WithSummary("Streams the archive (Range supported) or redirects to a presigned URL").RequireAuthorization(Roles.Reader);
        return app;
    }

    internal static async Task<Results<Ok<ModelListResponse>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? limit, [FromQuery] string? cursor, [AsParameters] ModelServices services, CancellationToken cancellationToken)
    {
        var size = DefaultPageSize;
        // Digits only: int.TryParse accepts trailing NUL characters ("1\0" parses as 1).
        if (limit is not null && (limit.Length is 0 or > 4 || !limit.All(char.IsAsciiDigit)
            || !int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            return Problems.BadRequest($"limit must be a whole number from 1 to {MaxPageSize}.");
        }

        ModelKey? after = null;
        if (cursor is not null && !TryDecodeCursor(cursor, out after))
        {
            return Problems.BadRequest("cursor is not one this registry issued; pass next_cursor from the previous page.");
        }

        var page = await services.Catalog.ListAsync(size, after, cancellationToken);
        return TypedResults.Ok(new ModelListResponse(
            page.Items.Select(ModelResponse.From).ToList(),
            page.NextCursor is null ? null : EncodeCursor(page.NextCursor)));
    }

    internal static async Task<Results<Ok<ModelResponse>, ProblemHttpResult>> GetAsync(
        string owner, string name, string version, [AsParameters] ModelServices services, CancellationToken cancellationToken)
    {
        if (!ModelKey.TryCreate(owner, name, version, out var key, out var error))
        {
            return Problems.BadRequest(error);
        }

        return await services.Catalog.GetAsync(key, cancellationToken) is { } record
            ? TypedResults.Ok(ModelResponse.From(record))
            : Problems.NotFound($"Model {key} does not exist.");
    }

    private static string EncodeCursor(string catalogKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(catalogKey));

    private static bool TryDecodeCursor(string cursor, out ModelKey? after)
    {
        after = null;
        if (cursor.Length > 512)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('/');
            return parts.Length == 3 && ModelKey.TryCreate(parts[0], parts[1], parts[2], out after, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
