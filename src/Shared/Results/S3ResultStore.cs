using Amazon.S3;
using Amazon.S3.Model;
using PerfTesting.Aws;

// Compiled into two assemblies (the CLI and the backing services), each in its own namespace, so that a
// test assembly that sees the internals of both can still name one of them.
#if PERFTESTING_BACKING_SERVICES
namespace PerfTesting.BackingServices.Results;
#else
namespace PerfTesting.Cli.Storage;
#endif

/// <summary>
/// Copies agents' result folders to and from an S3 prefix, file for file, so that the merge reads
/// exactly what the agents wrote. The endpoint comes from the same variables as the external backing
/// services: PERF_S3_URL (unset: real AWS in AWS_REGION), AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
/// (unset: the SDK's default credentials, e.g. a pod's IAM role), PERF_EMULATOR=1 for s3rver.
/// </summary>
internal sealed class S3ResultStore : IDisposable
{
    private readonly IAmazonS3 _s3;

    /// <summary>Creates a store over a client.</summary>
    /// <param name="s3">The client (disposed with the store).</param>
    public S3ResultStore(IAmazonS3 s3) => _s3 = s3;

    /// <summary>A store for the endpoint the environment describes.</summary>
    /// <param name="variables">Reads a variable; the process environment when null.</param>
    public static S3ResultStore FromEnvironment(Func<string, string?>? variables = null)
    {
        variables ??= Environment.GetEnvironmentVariable;
        string? Read(string name) => variables(name) is { Length: > 0 } value ? value : null;
        var url = Read(AwsTarget.S3UrlVariable);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
        {
            throw new ArgumentException($"{AwsTarget.S3UrlVariable}={url} is not an absolute http(s) URL.");
        }

        var target = new AwsTarget(url is null ? null : new Uri(url), Read("AWS_REGION") ?? Read("AWS_DEFAULT_REGION") ?? AwsTarget.DefaultRegion,
            Read(AwsTarget.EmulatorVariable) is "1" or "true", Read("AWS_ACCESS_KEY_ID"), Read("AWS_SECRET_ACCESS_KEY"));
        return new S3ResultStore(AwsClients.CreateS3Client(target));
    }

    /// <summary>Uploads every file under <paramref name="directory"/> to the prefix plus <paramref name="folder"/>.</summary>
    /// <param name="directory">The local folder.</param>
    /// <param name="location">The S3 prefix.</param>
    /// <param name="folder">The folder's name under the prefix (e.g. agent-0001-of-0004).</param>
    /// <param name="cancellationToken">Stops the uploads.</param>
    /// <returns>The keys written.</returns>
    public async Task<IReadOnlyList<string>> UploadAsync(string directory, ResultLocation location, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var keys = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var key = location.Prefix + (folder.Length == 0 ? string.Empty : folder + "/") + Path.GetRelativePath(directory, path).Replace('\\', '/');
            var request = AwsClients.NewPutObjectRequest(location.Bucket!, key);
            request.FilePath = path;
            await _s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Downloads every object under the prefix into <paramref name="directory"/>, keeping the key's path below the prefix.</summary>
    /// <param name="location">The S3 prefix.</param>
    /// <param name="directory">The local folder.</param>
    /// <param name="cancellationToken">Stops the downloads.</param>
    /// <returns>How many objects were downloaded.</returns>
    public async Task<int> DownloadAsync(ResultLocation location, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var root = Path.GetFullPath(directory);
        var count = 0;
        var request = new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Prefix };
        ListObjectsV2Response page;
        do
        {
            page = await _s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                var relative = item.Key[location.Prefix.Length..];
                var target = Path.GetFullPath(Path.Combine(root, relative));
                if (relative.Length == 0 || relative.EndsWith('/') || !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    // Folder markers, and keys that would escape the download folder ("../"), are not results.
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var response = await _s3.GetObjectAsync(location.Bucket, item.Key, cancellationToken).ConfigureAwait(false);
                var file = File.Create(target);
                await using (file.ConfigureAwait(false))
                {
                    await response.ResponseStream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }

                count++;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return count;
    }

    /// <inheritdoc />
    public void Dispose() => _s3.Dispose();
}
