using System.Globalization;

namespace GateService;

/// <summary>The service's endpoints, mapped by Program and by the perf tests' in-process host alike.</summary>
public static class WorkApi
{
    /// <summary>GET /work (does <see cref="Work.WorkUnits"/> steps of work) and GET /health.</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapWorkApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/work", (ulong? seed) => Work.Run(seed ?? 42).ToString(CultureInfo.InvariantCulture));
        app.MapGet("/health", () => "ok");
        return app;
    }
}
