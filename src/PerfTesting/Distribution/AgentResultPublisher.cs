namespace PerfTesting.Distribution;

/// <summary>
/// Writes an agent's result where its environment says (PERF_RESULTS): into
/// <c>agent-000i-of-000N/</c> under a directory, or under an s3://bucket/prefix through the S3 uploader
/// of PerfTesting.BackingServices, which holds the AWS client (the engine and the xunit glue must
/// not depend on it, so it is found by name when such a location is asked for).
/// </summary>
public static class AgentResultPublisher
{
    /// <summary>The uploader for s3:// locations, in the module that references the AWS SDK.</summary>
    public const string S3UploaderType = "PerfTesting.BackingServices.Results.S3AgentResultUploader, PerfTesting.BackingServices";

    /// <summary>Writes <paramref name="result"/> as <paramref name="agent"/>'s folder under <paramref name="location"/>.</summary>
    /// <param name="result">What the agent measured.</param>
    /// <param name="agent">The agent (its folder name).</param>
    /// <param name="location">A directory or s3://bucket/prefix.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>Where each file went (paths or s3:// URLs).</returns>
    /// <exception cref="InvalidOperationException">An s3:// location without PerfTesting.BackingServices beside the code.</exception>
    public static Task<IReadOnlyList<string>> PublishAsync(AgentResult result, DistributedAgent agent, string location, CancellationToken cancellationToken = default) =>
        PublishAsync(result, agent, location, s3Uploader: null, cancellationToken);

    /// <summary>Writes <paramref name="result"/> as <paramref name="agent"/>'s folder under <paramref name="location"/>, with the given uploader for s3://.</summary>
    /// <param name="result">What the agent measured.</param>
    /// <param name="agent">The agent (its folder name).</param>
    /// <param name="location">A directory or s3://bucket/prefix.</param>
    /// <param name="s3Uploader">Uploads to s3:// locations; null finds PerfTesting.BackingServices' uploader by name.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>Where each file went (paths or s3:// URLs).</returns>
    /// <exception cref="InvalidOperationException">An s3:// location, no uploader given and no PerfTesting.BackingServices beside the code.</exception>
    public static async Task<IReadOnlyList<string>> PublishAsync(
        AgentResult result, DistributedAgent agent, string location, IAgentResultUploader? s3Uploader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return await AgentResultFiles.WriteAsync(result, Path.Combine(location, agent.DirectoryName), cancellationToken).ConfigureAwait(false);
        }

        var uploader = s3Uploader ?? S3Uploader();
        var staging = Directory.CreateTempSubdirectory("perftest-agent-").FullName;
        try
        {
            await AgentResultFiles.WriteAsync(result, staging, cancellationToken).ConfigureAwait(false);
            return await uploader.UploadAsync(staging, location, agent.DirectoryName, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static IAgentResultUploader S3Uploader()
    {
        var type = Type.GetType(S3UploaderType, throwOnError: false);
        return type is not null && Activator.CreateInstance(type) is IAgentResultUploader uploader
            ? uploader
            : throw new InvalidOperationException(
                $"{DistributedAgent.ResultsVariable} names an s3:// prefix, but PerfTesting.BackingServices (which holds the S3 client) is not beside this code: " +
                $"add a reference to it, or set {DistributedAgent.ResultsVariable} to a directory and copy that.");
    }
}
