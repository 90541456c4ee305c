namespace PerfTesting.BackingServices;

/// <summary>An access key pair for the S3 and DynamoDB endpoints.</summary>
/// <param name="AccessKey">The access key id.</param>
/// <param name="SecretKey">The secret access key.</param>
public sealed record AwsCredentials(string AccessKey, string SecretKey)
{
    /// <summary>The only key pair s3rver accepts.</summary>
    public static AwsCredentials S3rver { get; } = new("S3RVER", "S3RVER");

    /// <summary>The key pair LocalStack documents (it accepts any).</summary>
    public static AwsCredentials LocalStack { get; } = new("test", "test");

    /// <summary>Hides the secret so endpoints can be logged.</summary>
    public override string ToString() => $"{AccessKey}/***";
}
