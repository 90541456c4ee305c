using System.ComponentModel.DataAnnotations;

namespace Registry.Options;

/// <summary>
/// Where the registry's S3, DynamoDB and PostgreSQL answer (section <c>BackingServices</c>). The
/// registry starts nothing itself: <c>src/Registry.AppHost</c> starts emulators or containers for
/// development and passes their endpoints here; a deployment names its own. The short environment
/// variables <c>PERF_S3_URL</c>, <c>PERF_DYNAMODB_URL</c>, <c>PERF_POSTGRES</c>, <c>PERF_REDIS</c>, <c>PERF_EMULATOR</c>
/// and <c>AWS_REGION</c> override these keys.
/// </summary>
internal sealed class BackingServiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BackingServices";

    /// <summary>The S3 endpoint (LocalStack, s3rver); unset means real AWS S3 in <see cref="Region"/>.</summary>
    public Uri? S3Url { get; set; }

    /// <summary>The DynamoDB endpoint (LocalStack, dynalite); unset means real AWS DynamoDB in <see cref="Region"/>.</summary>
    public Uri? DynamoDbUrl { get; set; }

    /// <summary>An Npgsql connection string to a server where the user may create the registry's database.</summary>
    [Required(ErrorMessage = "BackingServices:Postgres (or PERF_POSTGRES) must name the PostgreSQL server. For development run `dotnet run --project src/Registry.AppHost`, which starts the backing services and passes their endpoints.")]
    public string Postgres { get; set; } = "";

    /// <summary>
    /// The Redis server of the shared metadata cache, as a StackExchange.Redis configuration string
    /// (<c>host:port</c>, options after commas). Needed only when <c>redis_cache_enabled</c>.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// True when the URLs point at s3rver/dynalite: S3 then computes checksums only when required
    /// (s3rver stores aws-chunked framing inside the object otherwise).
    /// </summary>
    public bool Emulator { get; set; }

    /// <summary>The signing region (and the region of real AWS). <value>Default: us-east-1.</value></summary>
    [Required]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Access key id; unset means the AWS SDK's default credential chain (AWS_ACCESS_KEY_ID, profiles, roles).</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret access key, used with <see cref="AccessKey"/>.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Where S3 answers, for logs.</summary>
    public string S3Description => S3Url?.ToString() ?? "AWS " + Region;

    /// <summary>Where DynamoDB answers, for logs.</summary>
    public string DynamoDbDescription => DynamoDbUrl?.ToString() ?? "AWS " + Region;
}
