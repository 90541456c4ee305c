using System.Globalization;
using PerfTesting.BackingServices;

namespace Registry.AppHost;

/// <summary>The registry's configuration keys (section <c>BackingServices</c>) for endpoints a provider started.</summary>
internal static class RegistrySettings
{
    /// <summary>Maps the endpoints onto the registry's <c>BackingServices:*</c> keys.</summary>
    /// <param name="endpoints">The running services.</param>
    /// <returns>Settings to give the registry's host.</returns>
    public static IReadOnlyDictionary<string, string?> For(BackingServiceEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["BackingServices:Postgres"] = endpoints.PostgresConnectionString,
            ["BackingServices:Emulator"] = endpoints.S3.IsEmulator.ToString(CultureInfo.InvariantCulture),
            ["BackingServices:Region"] = endpoints.S3.Region,
        };

        if (endpoints.Redis is { } redis)
        {
            settings["BackingServices:Redis"] = redis;
        }

        // No URL means real AWS: the key is left out rather than set empty.
        if (endpoints.S3.ServiceUrl is { } s3)
        {
            settings["BackingServices:S3Url"] = s3.ToString();
        }

        if (endpoints.DynamoDb.ServiceUrl is { } dynamoDb)
        {
            settings["BackingServices:DynamoDbUrl"] = dynamoDb.ToString();
        }

        // The registry signs both services with one key pair: s3rver accepts only its own, and dynalite
        // and LocalStack accept any, so the S3 pair serves both. No pair: the SDK's default chain.
        if (endpoints.S3.Credentials is { } credentials)
        {
            settings["BackingServices:AccessKey"] = credentials.AccessKey;
            settings["BackingServices:SecretKey"] = credentials.SecretKey;
        }

        return settings;
    }
}
