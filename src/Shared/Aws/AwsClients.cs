using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace PerfTesting.Aws;

/// <summary>
/// The one place that knows the emulators' quirks, so every AWS SDK client of the registry, the backing
/// services and the CLI keeps data byte-exact on s3rver, LocalStack and AWS alike.
/// </summary>
/// <remarks>
/// Shared source rather than an assembly: it is compiled, internal, into each of the three, so the
/// registry and the CLI need no reference to test infrastructure (PerfTesting.BackingServices, and with
/// it Testcontainers) and no new package has to be published beside them for 60 lines. DynamoDB is in
/// AwsClients.DynamoDb.cs, which the CLI (S3 only) does not compile.
/// </remarks>
internal static partial class AwsClients
{
    /// <summary>Creates an S3 client.</summary>
    /// <param name="target">Where S3 answers.</param>
    /// <param name="configure">Settings applied before the endpoint and emulator settings (connection limits, timeouts).</param>
    /// <returns>A client the caller disposes.</returns>
    public static AmazonS3Client CreateS3Client(AwsTarget target, Action<AmazonS3Config>? configure = null)
    {
        var config = new AmazonS3Config();
        configure?.Invoke(config);
        ConfigureServiceUrl(config, target);
        if (target.ServiceUrl is not null)
        {
            // Emulators and LocalStack serve buckets under the path, not as virtual hosts.
            config.ForcePathStyle = true;
        }

        if (target.IsEmulator)
        {
            // s3rver does not understand the SDK's default flexible checksums: with them an upload is
            // stored with its aws-chunked framing inside the object (5,000,000 bytes became 5,005,664).
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return Credentials(target) is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }

    /// <summary>The target's keys, or null for the SDK's default credential chain.</summary>
    public static BasicAWSCredentials? Credentials(AwsTarget target) =>
        target is { AccessKey: { Length: > 0 } key, SecretKey: { Length: > 0 } secret } ? new BasicAWSCredentials(key, secret) : null;

    /// <summary>
    /// Creates a put request that stores its body byte-exact on every endpoint: aws-chunked
    /// encoding is off because s3rver stores the chunk framing as part of the object.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <returns>A request whose body the caller sets.</returns>
    public static PutObjectRequest NewPutObjectRequest(string bucket, string key) => new()
    {
        BucketName = bucket,
        Key = key,
        UseChunkEncoding = false,
    };

    private static void ConfigureServiceUrl(ClientConfig config, AwsTarget target)
    {
        if (target.ServiceUrl is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(target.Region);
            return;
        }

        // LocalStack's documented recipe: ServiceURL plus AuthenticationRegion. Setting RegionEndpoint
        // as well would override ServiceURL and send the requests to real AWS.
        config.ServiceURL = target.ServiceUrl.ToString();
        config.AuthenticationRegion = target.Region;
    }
}
