using Registry.Seeding;

namespace Registry.Hosting;

/// <summary>
/// The registry's entry point as a method, so a launcher (<c>src/Registry.AppHost</c>) can run it in its
/// own process with endpoints it started, given as configuration.
/// </summary>
public static class RegistryHost
{
    /// <summary>Runs <c>seed ...</c>, or the registry until Ctrl-C/SIGTERM.</summary>
    /// <param name="args">The command line (<c>--urls</c>, configuration keys, or <c>seed</c> and its options).</param>
    /// <param name="settings">Configuration that overrides every other source, such as the backing services' endpoints.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        if (args is ["seed", .. var seedArgs])
        {
            return await SeedCommand.RunAsync(seedArgs);
        }

        // Content root = the build output, so appsettings.json is found whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddApplicationServices();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var app = builder.Build();
        app.UseRegistry();
        await app.RunAsync();
        return 0;
    }
}
