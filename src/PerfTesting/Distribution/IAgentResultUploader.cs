namespace PerfTesting.Distribution;

/// <summary>
/// Copies an agent's result folder to a location the engine cannot write itself (an object store).
/// The engine stays free of cloud SDKs: the module that has the client implements this, and
/// <see cref="AgentResultPublisher"/> finds it by name when a location needs it.
/// </summary>
public interface IAgentResultUploader
{
    /// <summary>Uploads every file under <paramref name="directory"/> to <paramref name="location"/> plus <paramref name="folder"/>.</summary>
    /// <param name="directory">The agent's folder on disk.</param>
    /// <param name="location">Where results go, e.g. s3://bucket/prefix.</param>
    /// <param name="folder">The agent's folder name under it (agent-0001-of-0004).</param>
    /// <param name="cancellationToken">Stops the uploads.</param>
    /// <returns>Where each file went.</returns>
    Task<IReadOnlyList<string>> UploadAsync(string directory, string location, string folder, CancellationToken cancellationToken);
}
