using Amazon.DynamoDBv2;

namespace PerfTesting.Aws;

/// <summary>DynamoDB clients (shared source, see AwsClients.cs).</summary>
internal static partial class AwsClients
{
    /// <summary>The configuration of a DynamoDB client (a caller may build its own client type on it).</summary>
    /// <param name="target">Where DynamoDB answers.</param>
    /// <param name="configure">Settings applied before the endpoint settings (timeouts, retries).</param>
    public static AmazonDynamoDBConfig DynamoDbConfig(AwsTarget target, Action<AmazonDynamoDBConfig>? configure = null)
    {
        var config = new AmazonDynamoDBConfig();
        configure?.Invoke(config);
        ConfigureServiceUrl(config, target);
        return config;
    }

    /// <summary>Creates a DynamoDB client.</summary>
    /// <param name="target">Where DynamoDB answers.</param>
    /// <param name="configure">Settings applied before the endpoint settings.</param>
    /// <returns>A client the caller disposes.</returns>
    public static AmazonDynamoDBClient CreateDynamoDbClient(AwsTarget target, Action<AmazonDynamoDBConfig>? configure = null)
    {
        var config = DynamoDbConfig(target, configure);
        return Credentials(target) is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
    }
}
