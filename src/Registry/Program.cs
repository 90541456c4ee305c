using Registry.Hosting;
using Registry.Seeding;

if (args is ["seed", .. var seedArgs])
{
    return await SeedCommand.RunAsync(seedArgs);
}

// Content root = the build output, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddApplicationServices();
var app = builder.Build();
app.UseRegistry();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so that WebApplicationFactory can host the registry in tests.</summary>
public partial class Program;
