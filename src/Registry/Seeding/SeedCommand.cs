using System.Globalization;
using System.Net.Http.Headers;
using Registry.Options;

namespace Registry.Seeding;

/// <summary>
/// <c>seed [--url URL] [--models N] [--size-mb MB] [--token TOKEN]</c>: seeds a running registry over
/// HTTP. Defaults: http://localhost:5000, 500 models, 40 MiB, the admin token from
/// REGISTRY_ADMIN_TOKEN or the development default.
/// </summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--url"] = "http://localhost:5000",
            ["--models"] = "500",
            ["--size-mb"] = "40",
            ["--token"] = System.Environment.GetEnvironmentVariable("REGISTRY_ADMIN_TOKEN") ?? AuthOptions.DevelopmentAdminToken,
        };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!options.ContainsKey(args[i]) || i + 1 >= args.Length)
            {
                await Console.Error.WriteLineAsync($"Unknown or incomplete option '{args[i]}'. Usage: seed [--url URL] [--models N] [--size-mb MB] [--token TOKEN]");
                return 2;
            }

            options[args[i]] = args[i + 1];
        }

        if (!Uri.TryCreate(options["--url"].TrimEnd('/') + "/", UriKind.Absolute, out var url)
            || !int.TryParse(options["--models"], NumberStyles.None, CultureInfo.InvariantCulture, out var models) || models is < 1 or > 100_000
            || !double.TryParse(options["--size-mb"], NumberStyles.Float, CultureInfo.InvariantCulture, out var sizeMb) || sizeMb is < 0.01 or > 4096)
        {
            await Console.Error.WriteLineAsync("--url must be an absolute URL, --models 1..100000, --size-mb 0.01..4096.");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options["--token"]);
        try
        {
            var summary = await new RegistrySeeder(http, Console.Out).SeedAsync(models, (long)(sizeMb * 1024 * 1024), CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {summary.Models} models at {url}"));
            return 0;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"Seeding {url} failed: {e.Message}. Is the registry running (dotnet run --project src/Registry.AppHost)?");
            return 1;
        }
    }
}
