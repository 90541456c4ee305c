namespace PerfTesting.BackingServices.External;

/// <summary>
/// Endpoints that already run elsewhere (a shared LocalStack, GitHub Actions service containers, real
/// AWS), read from environment variables. Nothing is started, so nothing is stopped on dispose.
/// </summary>
public sealed class ExternalBackingServices : IBackingServices
{
    /// <summary>S3 endpoint URL; unset means real AWS S3 in AWS_REGION.</summary>
    public const string S3UrlVariable = Aws.AwsTarget.S3UrlVariable;

    /// <summary>DynamoDB endpoint URL; unset means real AWS DynamoDB in AWS_REGION.</summary>
    public const string DynamoDbUrlVariable = "PERF_DYNAMODB_URL";

    /// <summary>Npgsql connection string; required.</summary>
    public const string PostgresVariable = "PERF_POSTGRES";

    /// <summary>Redis for the shared cache (<c>host:port</c>); optional.</summary>
    public const string RedisVariable = "PERF_REDIS";

    /// <summary>Set to 1 when the URLs point at s3rver/dynalite, so their quirks are applied.</summary>
    public const string EmulatorVariable = Aws.AwsTarget.EmulatorVariable;

    private ExternalBackingServices(BackingServiceEndpoints endpoints) => Endpoints = endpoints;

    /// <inheritdoc />
    public BackingServiceEndpoints Endpoints { get; }

    /// <summary>Reads the endpoints from <paramref name="variables"/> (the process environment by default).</summary>
    /// <param name="variables">Looks up an environment variable; null means not set.</param>
    /// <returns>The endpoints.</returns>
    public static ExternalBackingServices FromEnvironment(Func<string, string?>? variables = null) =>
        FromEnvironment(BackingService.All, variables);

    /// <summary>Reads the endpoints of <paramref name="services"/>: PERF_POSTGRES is required only when PostgreSQL is asked for.</summary>
    /// <param name="services">What the test needs.</param>
    /// <param name="variables">Looks up an environment variable; null means not set.</param>
    /// <returns>The endpoints.</returns>
    public static ExternalBackingServices FromEnvironment(BackingService services, Func<string, string?>? variables = null)
    {
        variables ??= System.Environment.GetEnvironmentVariable;
        string? Read(string name) => variables(name) is { Length: > 0 } value ? value : null;

        var postgres = !services.HasFlag(BackingService.Postgres) ? null : Read(PostgresVariable) ?? throw new BackingServicesUnavailableException(
            $"PERF_SERVICES=external needs {PostgresVariable} (an Npgsql connection string), plus {S3UrlVariable} and {DynamoDbUrlVariable} "
            + "for LocalStack or emulators (leave them unset for real AWS), AWS_REGION and AWS credentials.");
        var region = Read("AWS_REGION") ?? Read("AWS_DEFAULT_REGION") ?? AwsEndpoint.DefaultRegion;
        var credentials = Read("AWS_ACCESS_KEY_ID") is { } key && Read("AWS_SECRET_ACCESS_KEY") is { } secret
            ? new AwsCredentials(key, secret)
            : null;
        var emulator = Read(EmulatorVariable) is "1" or "true";

        AwsEndpoint Endpoint(string variable)
        {
            var url = Read(variable);
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
            {
                throw new BackingServicesUnavailableException($"{variable}={url} is not an absolute URL such as http://localhost:4566.");
            }

            return new AwsEndpoint(url is null ? null : new Uri(url), region, credentials, emulator);
        }

        return new ExternalBackingServices(new BackingServiceEndpoints(
            BackingServiceKind.External,
            services.HasFlag(BackingService.S3) ? Endpoint(S3UrlVariable) : null,
            services.HasFlag(BackingService.DynamoDb) ? Endpoint(DynamoDbUrlVariable) : null,
            postgres,
            services.HasFlag(BackingService.Redis) ? Read(RedisVariable) : null));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
