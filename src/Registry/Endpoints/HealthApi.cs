using System.Text.Json.Serialization;
using Registry.Hosting;
using Registry.Storage;

namespace Registry.Endpoints;

/// <summary>Liveness, each backing service's status and latency, and the planned tracks.</summary>
internal static class HealthApi
{
    internal static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").WithName("Health");
        app.MapGet("/health/components", ComponentsAsync).WithTags("Health").WithName("HealthComponents")
            .WithSummary("Status and round-trip latency of every backing service, plus the performance component");
        app.MapGet("/tracks", () => TypedResults.Ok(new TracksResponse(["Performance track"]))).WithTags("Health").WithName("Tracks");
        return app;
    }

    internal static async Task<IResult> ComponentsAsync(
        ArchiveStores stores, BackingServiceClients clients, IEnumerable<IHealthComponent> extra, TimeProvider time, CancellationToken cancellationToken)
    {
        var components = new Dictionary<string, object>
        {
            ["s3"] = await ProbeAsync(stores.All.First(s => s.Name == "s3").PingAsync, time, cancellationToken),
            ["postgres"] = await ProbeAsync(stores.All.First(s => s.Name == "postgres").PingAsync, time, cancellationToken),
            ["dynamodb"] = await ProbeAsync(ct => clients.DynamoDb.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest { Limit = 1 }, ct), time, cancellationToken),
        };
        foreach (var component in extra)
        {
            components[component.Name] = await component.DescribeAsync(cancellationToken);
        }

        var healthy = components.Values.OfType<ComponentStatus>().All(c => c.Status == "ok");
        return TypedResults.Ok(new { status = healthy ? "ok" : "degraded", components });
    }

    internal static async Task<ComponentStatus> ProbeAsync(Func<CancellationToken, Task> probe, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(ProbeTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await probe(timeout.Token);
            return new ComponentStatus("ok", Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 3), null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new ComponentStatus("down", Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 3), e.GetType().Name + ": " + e.Message);
        }
    }

    internal sealed record TracksResponse([property: JsonPropertyName("plannedTracks")] IReadOnlyList<string> PlannedTracks);

    internal sealed record ComponentStatus(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("latency_ms")] double LatencyMs,
        [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
}
