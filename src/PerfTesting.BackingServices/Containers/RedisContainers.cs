using Testcontainers.Redis;

namespace PerfTesting.BackingServices.Containers;

/// <summary>
/// Redis for the containers provider (Testcontainers.Redis). Started only when <see cref="ImageVariable"/>
/// names an image the engine has (pulled, or built locally with redis-server from Debian, as the
/// PostgreSQL image is): no image registry answers on every machine, and LocalStack and PostgreSQL must
/// not fail because a cache image is missing. Without it the provider reports no Redis
/// (<see cref="BackingServiceEndpoints.Redis"/> is null) and a test that needs one starts a local
/// <c>redis-server</c>.
/// </summary>
public static class RedisContainers
{
    /// <summary>The variable that names the Redis image, such as <c>redis:7</c> or a local build.</summary>
    public const string ImageVariable = "PERF_REDIS_IMAGE";

    /// <summary>Starts a Redis container when an image is named; null otherwise.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running container, or null.</returns>
    public static async Task<RedisContainer?> StartIfConfiguredAsync(CancellationToken cancellationToken)
    {
        if (System.Environment.GetEnvironmentVariable(ImageVariable) is not { Length: > 0 } image)
        {
            return null;
        }

        var container = new RedisBuilder(image).Build();
        try
        {
            await container.StartAsync(cancellationToken).ConfigureAwait(false);
            return container;
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
