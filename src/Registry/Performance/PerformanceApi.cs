using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Auth;
using Registry.Catalog;
using Registry.Endpoints;

namespace Registry.Performance;

/// <summary>Start a workload against this registry and read its results.</summary>
internal static class PerformanceApi
{
    private const int MaxBodyBytes = 4096;

    public static IEndpointRouteBuilder MapPerformanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health/performance").WithTags("Performance");
        group.MapPost("/workload", StartAsync).WithName("StartWorkload")
            .WithSummary("Starts a download workload against this registry in the background (202)").RequireAuthorization(Roles.Admin);
        group.MapGet("/results/{runId}", ResultsAsync).WithName("WorkloadResults")
            .WithSummary("A run's status and metrics; partial while in progress").RequireAuthorization(Roles.Reader);
        group.MapGet("/runs", RunsAsync).WithName("WorkloadRuns")
            .WithSummary("Recent runs, newest first, for comparing configurations").RequireAuthorization(Roles.Reader);
        return app;
    }

    internal static async Task<Results<Accepted<StartedResponse>, ProblemHttpResult>> StartAsync(
        HttpContext context, IModelCatalog catalog, WorkloadCoordinator coordinator, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Problems.TooLarge($"The workload request is limited to {MaxBodyBytes} bytes.");
        }

        if (!context.Request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType("Send the workload as application/json.");
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var read = await context.Request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (read > MaxBodyBytes)
        {
            return Problems.TooLarge($"The workload request is limited to {MaxBodyBytes} bytes.");
        }

        WorkloadRequest? request;
        try
        {
            request = read == 0 ? new WorkloadRequest() : JsonSerializer.Deserialize<WorkloadRequest>(buffer.AsSpan(0, read), WorkloadJson.Strict);
        }
        catch (JsonException e)
        {
            return Problems.BadRequest($"The workload request is not valid: {e.Message}");
        }

        if (request is null)
        {
            return Problems.BadRequest("The workload request must be a JSON object.");
        }

        if (!WorkloadPlan.TryCreate(request, out var plan, out var error))
        {
            return Problems.BadRequest(error!);
        }

        if (await catalog.GetAsync(plan!.Model, cancellationToken) is not { Archive: not null })
        {
            return Problems.NotFound($"Model {plan.Model} does not exist or has no archive to download.");
        }

        if (coordinator.TryStart(plan) is not { } run)
        {
            return Problems.TooManyRequests("The limit of concurrent workloads is reached; wait for a run to finish.");
        }

        return TypedResults.Accepted($"/health/performance/results/{run.RunId}", new StartedResponse(run.RunId, "started", run.EstimatedCompletion));
    }

    internal static async Task<Results<Ok<RunSummary>, ProblemHttpResult>> ResultsAsync(
        string runId, WorkloadCoordinator coordinator, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(runId, "D", out var parsed))
        {
            return Problems.BadRequest("run_id must be a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301.");
        }

        return await coordinator.FindAsync(parsed.ToString(), cancellationToken) is { } summary
            ? TypedResults.Ok(summary)
            : Problems.NotFound($"No performance run {parsed}.");
    }

    internal static async Task<Ok<IReadOnlyList<RunSummary>>> RunsAsync(WorkloadCoordinator coordinator, PerformanceRunStore store, CancellationToken cancellationToken)
    {
        var stored = await store.ListSummariesAsync(cancellationToken);
        var active = coordinator.Active.Select(r => r.Partial());
        var memory = coordinator.RecentlyFinished;
        IReadOnlyList<RunSummary> all = [.. active.Concat(memory).Concat(stored).DistinctBy(s => s.RunId).OrderByDescending(s => s.StartedAt).Take(50)];
        return TypedResults.Ok(all);
    }

    internal sealed record StartedResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("run_id")] string RunId,
        [property: System.Text.Json.Serialization.JsonPropertyName("status")] string Status,
        [property: System.Text.Json.Serialization.JsonPropertyName("estimated_completion")] DateTimeOffset EstimatedCompletion);
}
