using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Registry.Diagnostics;
using Registry.Options;

namespace Registry.Hosting;

/// <summary>
/// Builds the registry's AWS SDK clients from <see cref="BackingServiceOptions"/>. The one place in
/// the registry that knows the emulators' quirks, so stored archives stay byte-exact on s3rver,
/// LocalStack and AWS alike.
/// </summary>
internal static class AwsClientFactory
{
    /// <summary>Creates the S3 client.</summary>
    /// <param name="options">The endpoints.</param>
    /// <param name="configure">Settings applied before the endpoint and emulator settings (connection limits, timeouts).</param>
    /// <returns>A client the caller disposes.</returns>
    public static AmazonS3Client CreateS3Client(BackingServiceOptions options, Action<AmazonS3Config>? configure = null)
    {
        var config = new AmazonS3Config();
        configure?.Invoke(config);
        ConfigureServiceUrl(config, options.S3Url, options.Region);
        if (options.S3Url is not null)
        {
            // Emulators and LocalStack serve buckets under the path, not as virtual hosts.
            config.ForcePathStyle = true;
        }

        if (options.Emulator)
        {
            // s3rver does not understand the SDK's default flexible checksums: with them an upload is
            // stored with its aws-chunked framing inside the object (5,000,000 bytes became 5,005,664).
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return Credentials(options) is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }

    /// <summary>Creates the DynamoDB client.</summary>
    /// <param name="options">The endpoints.</param>
    /// <param name="configure">Settings applied before the endpoint settings (timeouts, retries).</param>
    /// <param name="timer">Times every operation on the registry's instrument, or null for a plain client.</param>
    /// <returns>A client the caller disposes.</returns>
    public static AmazonDynamoDBClient CreateDynamoDbClient(BackingServiceOptions options, Action<AmazonDynamoDBConfig>? configure = null, DynamoDbOperationTimer? timer = null)
    {
        var config = new AmazonDynamoDBConfig();
        configure?.Invoke(config);
        ConfigureServiceUrl(config, options.DynamoDbUrl, options.Region);
        var credentials = Credentials(options);
        return (credentials, timer) switch
        {
            (null, null) => new AmazonDynamoDBClient(config),
            (_, null) => new AmazonDynamoDBClient(credentials, config),
            (null, _) => new InstrumentedDynamoDbClient(config, timer),
            _ => new InstrumentedDynamoDbClient(credentials, config, timer),
        };
    }

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

    private static void ConfigureServiceUrl(ClientConfig config, Uri? serviceUrl, string region)
    {
        if (serviceUrl is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            return;
        }

        // LocalStack's documented recipe: ServiceURL plus AuthenticationRegion. Setting RegionEndpoint
        // as well would override ServiceURL and send the requests to real AWS.
        config.ServiceURL = serviceUrl.ToString();
        config.AuthenticationRegion = region;
    }

    private static BasicAWSCredentials? Credentials(BackingServiceOptions options) =>
        options is { AccessKey: { Length: > 0 } key, SecretKey: { Length: > 0 } secret } ? new BasicAWSCredentials(key, secret) : null;
}
