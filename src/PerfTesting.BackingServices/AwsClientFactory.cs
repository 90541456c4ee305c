using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace PerfTesting.BackingServices;

/// <summary>
/// Builds AWS SDK clients for an <see cref="AwsEndpoint"/>. This is the one place that knows the
/// emulators' quirks, so every client in the product and its tests keeps data byte-exact.
/// </summary>
public static class AwsClientFactory
{
    /// <summary>Creates an S3 client for the endpoint.</summary>
    /// <param name="endpoint">Where S3 answers.</param>
    /// <param name="configure">Settings applied before the endpoint and emulator settings (connection limits, timeouts).</param>
    /// <returns>A client the caller disposes.</returns>
    public static AmazonS3Client CreateS3Client(AwsEndpoint endpoint, Action<AmazonS3Config>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var config = new AmazonS3Config();
        configure?.Invoke(config);
        ConfigureServiceUrl(config, endpoint);
        if (endpoint.ServiceUrl is not null)
        {
            // Emulators and LocalStack serve buckets under the path, not as virtual hosts.
            config.ForcePathStyle = true;
        }

        if (endpoint.IsEmulator)
        {
            // s3rver does not understand the SDK's default flexible checksums: with them an upload is
            // stored with its aws-chunked framing inside the object (5,000,000 bytes became 5,005,664).
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return Credentials(endpoint) is { } credentials
            ? new AmazonS3Client(credentials, config)
            : new AmazonS3Client(config);
    }

    /// <summary>Creates a DynamoDB client for the endpoint.</summary>
    /// <param name="endpoint">Where DynamoDB answers.</param>
    /// <returns>A client the caller disposes.</returns>
    public static AmazonDynamoDBClient CreateDynamoDbClient(AwsEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var config = new AmazonDynamoDBConfig();
        ConfigureServiceUrl(config, endpoint);
        return Credentials(endpoint) is { } credentials
            ? new AmazonDynamoDBClient(credentials, config)
            : new AmazonDynamoDBClient(config);
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

    private static void ConfigureServiceUrl(ClientConfig config, AwsEndpoint endpoint)
    {
        if (endpoint.ServiceUrl is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(endpoint.Region);
            return;
        }

        // LocalStack's documented recipe: ServiceURL plus AuthenticationRegion. Setting RegionEndpoint
        // as well would override ServiceURL and send the requests to real AWS.
        config.ServiceURL = endpoint.ServiceUrl.ToString();
        config.AuthenticationRegion = endpoint.Region;
    }

    private static BasicAWSCredentials? Credentials(AwsEndpoint endpoint) =>
        endpoint.Credentials is { } keys ? new BasicAWSCredentials(keys.AccessKey, keys.SecretKey) : null;
}
