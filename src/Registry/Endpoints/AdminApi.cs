using Registry.Auth;
using Registry.Reset;

namespace Registry.Endpoints;

/// <summary>DELETE /reset: the registry as freshly installed.</summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/reset", ResetAsync).WithTags("Admin").WithName("Reset")
            .WithSummary("Deletes every object, item and row the registry created; the buckets and tables stay, empty")
            .RequireAuthorization(Roles.Admin);
        return app;
    }

    internal static async Task<IResult> ResetAsync(RegistryReset reset, CancellationToken cancellationToken)
    {
        // Not cancelled by a client that goes away: a reset cut short is finished by the next one, but
        // there is no reason to leave one half done. Each backing call is still bounded.
        _ = cancellationToken;
        return await reset.RunAsync("DELETE /reset", CancellationToken.None)
            ? TypedResults.Ok(new { status = "reset" })
            : Problems.Conflict("A reset is already running; try again when it has finished.");
    }
}
