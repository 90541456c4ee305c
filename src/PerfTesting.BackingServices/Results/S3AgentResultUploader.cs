using PerfTesting.Distribution;

namespace PerfTesting.BackingServices.Results;

/// <summary>
/// Uploads an agent's folder to an s3://bucket/prefix for <see cref="AgentResultPublisher"/> (which
/// finds this type by name, so the engine and the xunit glue need no AWS reference). The endpoint and
/// credentials come from the environment as for <see cref="S3ResultStore.FromEnvironment"/>.
/// </summary>
public sealed class S3AgentResultUploader : IAgentResultUploader
{
    /// <inheritdoc />
    public Task<IReadOnlyList<string>> UploadAsync(string directory, string location, string folder, CancellationToken cancellationToken) =>
        new S3FolderUploader().UploadAsync(directory, location, folder, cancellationToken);
}
