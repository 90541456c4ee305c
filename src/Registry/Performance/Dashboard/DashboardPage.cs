using System.Reflection;

namespace Registry.Performance.Dashboard;

/// <summary>GET /dashboard: one self-contained page (inline script and SVG, no CDN), embedded in the assembly.</summary>
internal static class DashboardPage
{
    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Registry.Performance.Dashboard.dashboard.html")
            ?? throw new InvalidOperationException("dashboard.html is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", () => TypedResults.Content(Html.Value, "text/html; charset=utf-8"))
            .WithTags("Performance").WithName("Dashboard").WithSummary("System health dashboard: start a workload, watch it, compare runs");
        return app;
    }
}
