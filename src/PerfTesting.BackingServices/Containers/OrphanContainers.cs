using Docker.DotNet;
using Docker.DotNet.Models;

namespace PerfTesting.BackingServices.Containers;

/// <summary>Removes containers left by test runs that ended without stopping them (killed, Ctrl-C).</summary>
public static class OrphanContainers
{
    /// <summary>Removes every container labelled by <see cref="RunOwner"/> whose owner is gone.</summary>
    /// <param name="docker">A client of the engine.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <returns>The ids of the removed containers.</returns>
    public static async Task<IReadOnlyList<string>> RemoveAsync(IDockerClient docker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var labelled = await docker.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [RunOwner.PidLabel] = true } },
            },
            cancellationToken).ConfigureAwait(false);

        var removed = new List<string>();
        foreach (var container in labelled.Where(c => RunOwner.IsGone(c.Labels)))
        {
            try
            {
                await docker.Containers.RemoveContainerAsync(
                    container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
                removed.Add(container.ID);
            }
            catch (DockerContainerNotFoundException)
            {
                // Another run's sweep removed it first.
            }
        }

        return removed;
    }
}
