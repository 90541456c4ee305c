namespace PerfTesting.BackingServices;

/// <summary>
/// Where one AWS-compatible service answers and how to talk to it. A null <see cref="ServiceUrl"/>
/// means real AWS in <see cref="Region"/>.
/// </summary>
/// <param name="ServiceUrl">The emulator's or LocalStack's URL, or null for real AWS.</param>
/// <param name="Region">The signing region (the endpoint's region for real AWS).</param>
/// <param name="Credentials">The keys, or null to use the SDK's default credential chain.</param>
/// <param name="IsEmulator">
/// True for s3rver/dynalite: their quirks (path-style addressing, no aws-chunked uploads, checksums
/// only when required) are applied by <see cref="AwsClientFactory"/> so stored bytes stay exact.
/// </param>
public sealed record AwsEndpoint(Uri? ServiceUrl, string Region, AwsCredentials? Credentials, bool IsEmulator)
{
    /// <summary>The region used for signing when nothing else is configured.</summary>
    public const string DefaultRegion = Aws.AwsTarget.DefaultRegion;
}
