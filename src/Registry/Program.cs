var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
app.Run();

/// <summary>Entry point, public so that WebApplicationFactory can host the registry in tests.</summary>
public partial class Program;
