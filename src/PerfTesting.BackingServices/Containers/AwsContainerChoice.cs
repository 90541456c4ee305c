namespace PerfTesting.BackingServices.Containers;

/// <summary>Which container serves the S3 and DynamoDB APIs (setting <c>PERF_CONTAINERS_AWS</c>).</summary>
public enum AwsContainerChoice
{
    /// <summary>LocalStack where its image is present, else the local emulator image where that is present, else LocalStack (pulled).</summary>
    Auto,

    /// <summary>LocalStack through Testcontainers.LocalStack (pulled when missing).</summary>
    LocalStack,

    /// <summary>s3rver and dynalite in the image that <c>tools/docker/engine.sh</c> builds without a registry.</summary>
    Emulators,
}
