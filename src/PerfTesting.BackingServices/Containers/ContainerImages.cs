namespace PerfTesting.BackingServices.Containers;

/// <summary>The images the containers provider starts, each overridable by an environment variable.</summary>
public static class ContainerImages
{
    /// <summary>Overrides the LocalStack image.</summary>
    public const string LocalStackVariable = "PERF_LOCALSTACK_IMAGE";

    /// <summary>Overrides the PostgreSQL image.</summary>
    public const string PostgresVariable = "PERF_POSTGRES_IMAGE";

    /// <summary>Overrides the s3rver + dynalite emulator image.</summary>
    public const string EmulatorsVariable = "PERF_EMULATORS_IMAGE";

    /// <summary>Overrides the Redis image.</summary>
    public const string RedisVariable = "PERF_REDIS_IMAGE";

    /// <summary>LocalStack before 4.15, the last line that runs without an auth token.</summary>
    public const string DefaultLocalStack = "localstack/localstack:4.4";

    /// <summary>The official PostgreSQL image, used when present or pullable.</summary>
    public const string DefaultPostgres = "postgres:15-alpine";

    /// <summary>PostgreSQL 15 from Debian packages, built by <c>tools/docker/engine.sh</c> (no registry needed).</summary>
    public const string LocalPostgres = "perftesting/postgres:15";

    /// <summary>The official Redis image (Testcontainers.Redis's own default), used when present or pullable.</summary>
    public const string DefaultRedis = "redis:7.0";

    /// <summary>Redis 7 from Debian packages (bookworm's <c>redis-server</c>), built by <c>tools/docker/engine.sh</c> (no registry needed).</summary>
    public const string LocalRedis = "perftesting/redis:7";

    /// <summary>Node 20 + s3rver + dynalite from <c>tools/emulators</c>' lockfile, built by <c>tools/docker/engine.sh</c>.</summary>
    public const string DefaultEmulators = "perftesting/emulators:1";

    /// <summary>The image an environment variable names, or null when it is unset.</summary>
    /// <param name="variable">The variable.</param>
    /// <returns>The image name or null.</returns>
    public static string? FromEnvironment(string variable) =>
        System.Environment.GetEnvironmentVariable(variable) is { Length: > 0 } image ? image.Trim() : null;
}
