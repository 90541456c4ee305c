using PerfTesting.Distribution;

// Compiled into two assemblies (the CLI and the backing services), each in its own namespace, so that a
// test assembly that sees the internals of both can still name one of them.
#if PERFTESTING_BACKING_SERVICES
namespace PerfTesting.BackingServices.Results;
#else
namespace PerfTesting.Cli.Storage;
#endif

/// <summary>Uploads an agent's result folder to an s3://bucket/prefix through <see cref="S3ResultStore"/>.</summary>
internal sealed class S3FolderUploader : IAgentResultUploader
{
    public async Task<IReadOnlyList<string>> UploadAsync(string directory, string location, string folder, CancellationToken cancellationToken)
    {
        var target = ResultLocation.Parse(location);
        using var store = S3ResultStore.FromEnvironment();
        var keys = await store.UploadAsync(directory, target, folder, cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(k => $"s3://{target.Bucket}/{k}")];
    }
}
