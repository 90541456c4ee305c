using Microsoft.Extensions.Options;
using Registry.Options;

namespace Registry.Hosting;

/// <summary>Warns at startup while the tokens shipped in appsettings.json are in use.</summary>
internal sealed class DevelopmentTokenWarning(IOptions<AuthOptions> tokens, ILogger<DevelopmentTokenWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (tokens.Value.AdminToken == AuthOptions.DevelopmentAdminToken || tokens.Value.ReaderToken == AuthOptions.DevelopmentReaderToken)
        {
            logger.LogWarning("Using the development tokens from appsettings.json; set REGISTRY_ADMIN_TOKEN and REGISTRY_READER_TOKEN before exposing the registry");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
