using System.Text.Json.Serialization;
using Registry.Health;

namespace Registry.Endpoints;

/// <summary>Liveness, each backing service's status (from background probes), and the planned tracks.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").WithName("Health");
        app.MapGet("/health/components", ComponentsAsync).WithTags("Health").WithName("HealthComponents")
            .WithSummary("Status of every backing service and the performance component from the latest background probes; latency and error kind for a reader");
        app.MapGet("/tracks", () => TypedResults.Ok(new TracksResponse(["Performance track"]))).WithTags("Health").WithName("Tracks");
        return app;
    }

    internal static async Task<IResult> ComponentsAsync(HttpContext context, HealthProber prober, CancellationToken cancellationToken)
    {
        await prober.WaitForFirstRoundAsync(cancellationToken);
        // Anyone may ask whether the registry is healthy; only a token holder sees latencies and error kinds.
        var authenticated = context.User.Identity?.IsAuthenticated == true;
        var backing = prober.BackingServices;
        var components = new Dictionary<string, object>();
        foreach (var (name, probe) in backing)
        {
            components[name] = authenticated ? probe : probe.StatusOnly();
        }

        foreach (var component in prober.Extra)
        {
            var description = component.Describe();
            components[component.Name] = authenticated ? description.Details : new { status = description.Status };
        }

        var healthy = backing.Values.All(p => p.Status == "ok");
        return TypedResults.Ok(new { status = healthy ? "ok" : "degraded", components });
    }

    internal sealed record TracksResponse([property: JsonPropertyName("plannedTracks")] IReadOnlyList<string> PlannedTracks);
}
