// Compiled into two assemblies (the CLI and the backing services), each in its own namespace, so that a
// test assembly that sees the internals of both can still name one of them.
#if PERFTESTING_BACKING_SERVICES
namespace PerfTesting.BackingServices.Results;
#else
namespace PerfTesting.Cli.Storage;
#endif

/// <summary>Where agents' results live: a local directory, or an S3 prefix written s3://bucket/prefix.</summary>
/// <param name="Directory">The local directory, when not S3.</param>
/// <param name="Bucket">The S3 bucket, when S3.</param>
/// <param name="Prefix">The S3 key prefix (no leading slash; empty or ending in '/'), when S3.</param>
internal sealed record ResultLocation(string? Directory, string? Bucket, string Prefix)
{
    /// <summary>Whether the location is an S3 prefix.</summary>
    public bool IsS3 => Bucket is not null;

    /// <summary>Parses a directory path or s3://bucket/prefix.</summary>
    /// <param name="text">The location.</param>
    /// <exception cref="ArgumentException">An s3:// location without a bucket.</exception>
    public static ResultLocation Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return new ResultLocation(text, null, string.Empty);
        }

        var rest = text["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..].Trim('/');
        if (bucket.Length == 0)
        {
            throw new ArgumentException($"'{text}' names no bucket; write s3://bucket/prefix.");
        }

        return new ResultLocation(null, bucket, prefix.Length == 0 ? string.Empty : prefix + "/");
    }

    /// <summary>The location as written.</summary>
    public override string ToString() => IsS3 ? $"s3://{Bucket}/{Prefix}" : Directory!;
}
