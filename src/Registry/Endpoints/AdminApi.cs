using Registry.Auth;
using Registry.Catalog;
using Registry.Hosting;
using Registry.Storage;

namespace Registry.Endpoints;

/// <summary>DELETE /reset: the registry as freshly installed.</summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/reset", ResetAsync).WithTags("Admin").WithName("Reset")
            .WithSummary("Deletes every object, item and row the registry created and recreates empty buckets and tables")
            .RequireAuthorization(Roles.Admin);
        return app;
    }

    internal static async Task<IResult> ResetAsync(
        IModelCatalog catalog, ArchiveStores stores, IEnumerable<IResettable> others, ILogger<ModelServices> logger, CancellationToken cancellationToken)
    {
        // Not cancelled half-way by a client that goes away: a half-reset registry is worse than either state.
        _ = cancellationToken;
        foreach (var other in others)
        {
            await other.ResetAsync(CancellationToken.None);
        }

        foreach (var store in stores.All)
        {
            await store.ResetAsync(CancellationToken.None);
        }

        await catalog.ResetAsync(CancellationToken.None);
        logger.LogWarning("Registry reset: every model, archive and performance run deleted");
        return TypedResults.Ok(new { status = "reset" });
    }
}
