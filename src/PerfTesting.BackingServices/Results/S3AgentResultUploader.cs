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
    public async Task<IReadOnlyList<string>> UploadAsync(string directory, string location, string folder, CancellationToken cancellationToken)
    {
        var target = ResultLocation.Parse(location);
        using var store = S3ResultStore.FromEnvironment();
        var keys = await store.UploadAsync(directory, target, folder, cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(k => $"s3://{target.Bucket}/{k}")];
    }
}
