namespace PerfTesting.BackingServices;

/// <summary>Which provider supplies the S3, DynamoDB and PostgreSQL endpoints.</summary>
public enum BackingServiceKind
{
    /// <summary>LocalStack and PostgreSQL containers through Testcontainers; needs a Docker engine.</summary>
    Containers,

    /// <summary>s3rver, dynalite and the machine's PostgreSQL server binaries as local processes.</summary>
    LocalProcesses,

    /// <summary>Endpoints that already run elsewhere, named by environment variables.</summary>
    External,
}
