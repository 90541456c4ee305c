using Testcontainers.Redis;

namespace PerfTesting.BackingServices.Containers;

/// <summary>
/// Redis for the containers provider, through Testcontainers.Redis: the official image where the engine
/// has it or can pull it, else <see cref="ContainerImages.LocalRedis"/> built from Debian's
/// <c>redis-server</c> by <c>tools/docker/engine.sh</c> (the same server the local-processes provider
/// runs), or the image <see cref="ContainerImages.RedisVariable"/> names. The module waits until
/// <c>redis-cli ping</c> answers inside the container.
/// </summary>
public static class RedisContainers
{
    /// <summary>Builds (does not start) the container.</summary>
    /// <param name="image">The image.</param>
    /// <param name="labels">Labels to put on it (the owning run, so an aborted run's container is reaped).</param>
    /// <param name="hostPort">
    /// A fixed host port for Redis, so that a container stopped and started again keeps its endpoint;
    /// null publishes it on a random free port.
    /// </param>
    /// <returns>The container.</returns>
    public static RedisContainer Build(string image, IReadOnlyDictionary<string, string> labels, int? hostPort = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var builder = new RedisBuilder(image).WithLabel(labels.ToDictionary());
        return (hostPort is { } port ? builder.WithPortBinding(port, RedisBuilder.RedisPort) : builder).Build();
    }
}
