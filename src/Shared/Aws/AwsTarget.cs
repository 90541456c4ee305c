namespace PerfTesting.Aws;

/// <summary>
/// Where one AWS-compatible service answers, as <see cref="AwsClients"/> needs it: a null
/// <paramref name="ServiceUrl"/> is real AWS in <paramref name="Region"/>; <paramref name="IsEmulator"/>
/// is s3rver/dynalite; null keys use the SDK's default credential chain.
/// </summary>
/// <remarks>
/// Shared source (src/Shared/Aws), compiled as an internal type into the registry, the backing services
/// and the CLI, so none of them references another for it (see <see cref="AwsClients"/>).
/// </remarks>
internal sealed record AwsTarget(Uri? ServiceUrl, string Region, bool IsEmulator, string? AccessKey = null, string? SecretKey = null)
{
    /// <summary>The region used for signing when nothing else is configured.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>The variable naming the S3 endpoint of external services (unset: real AWS).</summary>
    public const string S3UrlVariable = "PERF_S3_URL";

    /// <summary>The variable that says the endpoints are s3rver/dynalite ("1" or "true").</summary>
    public const string EmulatorVariable = "PERF_EMULATOR";
}
