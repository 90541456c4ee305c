using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.S3.Model;
using PerfTesting.Aws;
using Registry.Diagnostics;
using Registry.Options;

namespace Registry.Hosting;

/// <summary>
/// The registry's AWS SDK clients from <see cref="BackingServiceOptions"/>: the endpoints mapped onto
/// the shared client code (<see cref="AwsClients"/>, the one place that knows the emulators' quirks),
/// and DynamoDB timed on the registry's instrument.
/// </summary>
internal static class RegistryAwsClients
{
    /// <summary>Creates the S3 client.</summary>
    /// <param name="options">The endpoints.</param>
    /// <param name="configure">Settings applied before the endpoint and emulator settings (connection limits, timeouts).</param>
    /// <returns>A client the caller disposes.</returns>
    public static AmazonS3Client CreateS3Client(BackingServiceOptions options, Action<AmazonS3Config>? configure = null) =>
        AwsClients.CreateS3Client(new(options.S3Url, options.Region, options.Emulator, options.AccessKey, options.SecretKey), configure);

    /// <summary>Creates the DynamoDB client.</summary>
    /// <param name="options">The endpoints.</param>
    /// <param name="configure">Settings applied before the endpoint settings (timeouts, retries).</param>
    /// <param name="timer">Times every operation on the registry's instrument, or null for a plain client.</param>
    /// <returns>A client the caller disposes.</returns>
    public static AmazonDynamoDBClient CreateDynamoDbClient(BackingServiceOptions options, Action<AmazonDynamoDBConfig>? configure = null, DynamoDbOperationTimer? timer = null)
    {
        var target = new AwsTarget(options.DynamoDbUrl, options.Region, options.Emulator, options.AccessKey, options.SecretKey);
        if (timer is null)
        {
            return AwsClients.CreateDynamoDbClient(target, configure);
        }

        var config = AwsClients.DynamoDbConfig(target, configure);
        return AwsClients.Credentials(target) is { } credentials ? new InstrumentedDynamoDbClient(credentials, config, timer) : new InstrumentedDynamoDbClient(config, timer);
    }

    /// <summary>A put request that stores its body byte-exact on every endpoint (<see cref="AwsClients.NewPutObjectRequest"/>).</summary>
    public static PutObjectRequest NewPutObjectRequest(string bucket, string key) => AwsClients.NewPutObjectRequest(bucket, key);
}
