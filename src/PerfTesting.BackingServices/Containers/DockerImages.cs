using Docker.DotNet;

namespace PerfTesting.BackingServices.Containers;

/// <summary>Asks the engine whether an image is present (without pulling it).</summary>
public static class DockerImages
{
    /// <summary>True when the engine holds the image.</summary>
    /// <param name="docker">A client of the engine.</param>
    /// <param name="image">The image name, e.g. <c>perftesting/postgres:15</c>.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>Whether the image is present.</returns>
    public static async Task<bool> ExistsAsync(IDockerClient docker, string image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        try
        {
            await docker.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }
}
