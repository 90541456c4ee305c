using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.S3.Model;
using PerfTesting.Aws;

namespace PerfTesting.BackingServices;

/// <summary>
/// Builds AWS SDK clients for an <see cref="AwsEndpoint"/>, with the emulators' quirks applied so that
/// data stays byte-exact. The quirks themselves live in one place shared by the registry and the CLI
/// as source (src/Shared/Aws); this is the backing services' public face of it.
/// </summary>
public static class AwsClientFactory
{
    /// <summary>Creates an S3 client for the endpoint.</summary>
    /// <param name="endpoint">Where S3 answers.</param>
    /// <param name="configure">Settings applied before the endpoint and emulator settings (connection limits, timeouts).</param>
    /// <returns>A client the caller disposes.</returns>
    public static AmazonS3Client CreateS3Client(AwsEndpoint endpoint, Action<AmazonS3Config>? configure = null) => AwsClients.CreateS3Client(Target(endpoint), configure);

    /// <summary>Creates a DynamoDB client for the endpoint.</summary>
    /// <param name="endpoint">Where DynamoDB answers.</param>
    /// <returns>A client the caller disposes.</returns>
    public static AmazonDynamoDBClient CreateDynamoDbClient(AwsEndpoint endpoint) => AwsClients.CreateDynamoDbClient(Target(endpoint));

    /// <summary>
    /// Creates a put request that stores its body byte-exact on every endpoint: aws-chunked
    /// encoding is off because s3rver stores the chunk framing as part of the object.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <returns>A request whose body the caller sets.</returns>
    public static PutObjectRequest NewPutObjectRequest(string bucket, string key) => AwsClients.NewPutObjectRequest(bucket, key);

    private static AwsTarget Target(AwsEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new AwsTarget(endpoint.ServiceUrl, endpoint.Region, endpoint.IsEmulator, endpoint.Credentials?.AccessKey, endpoint.Credentials?.SecretKey);
    }
}
