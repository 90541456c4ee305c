using System.ComponentModel.DataAnnotations;

namespace Registry.Options;

/// <summary>
/// Bounds on every call to a backing service (S3, DynamoDB, PostgreSQL) and the circuit breaker that
/// makes a dead service fail fast (section <c>Resilience</c>). Validated at startup.
/// </summary>
internal sealed class ResilienceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Resilience";

    /// <summary>
    /// Longest wait for one backing call (a lookup, a delete, opening a download, one read of a
    /// download's next block). Also the AWS SDK's per-attempt timeout and Npgsql's connect and
    /// command timeouts. <value>Default: 5 s.</value>
    /// </summary>
    [Range(0.1, 600)]
    public double CallTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Slowest transfer rate an upload to a store may have: storing N bytes may take
    /// <see cref="CallTimeoutSeconds"/> + N / this rate. <value>Default: 1 MiB/s (a 1 GiB archive gets about 17 minutes).</value>
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MinTransferBytesPerSecond { get; set; } = 1024 * 1024;

    /// <summary>Retries the AWS SDK makes itself inside one call. <value>Default: 1.</value></summary>
    [Range(0, 10)]
    public int AwsMaxErrorRetry { get; set; } = 1;

    /// <summary>Longest a whole reset may take per store or table (it pages through every object). <value>Default: 120 s.</value></summary>
    [Range(1, 3600)]
    public double ResetStepTimeoutSeconds { get; set; } = 120;

    /// <summary>Share of failed calls in the sampling window that opens a service's circuit. <value>Default: 0.5.</value></summary>
    [Range(0.01, 1)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the sampling window before the ratio counts. <value>Default: 4.</value></summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The window over which failures are counted. <value>Default: 10 s.</value></summary>
    [Range(0.5, 3600)]
    public double BreakerSamplingSeconds { get; set; } = 10;

    /// <summary>
    /// How long an open circuit answers 503 at once before one trial call goes through (the
    /// <c>Retry-After</c> a client sees). <value>Default: 5 s.</value>
    /// </summary>
    [Range(0.5, 3600)]
    public double BreakDurationSeconds { get; set; } = 5;

    /// <summary>How often the background probes behind /health/components run. <value>Default: 5 s.</value></summary>
    [Range(0.1, 3600)]
    public double HealthProbeIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Longest /health/components waits for one probe before it reports the service down ("timeout").
    /// The probed call itself runs on to <see cref="CallTimeoutSeconds"/> and only its real outcome counts
    /// towards the circuit breaker. <value>Default: 2 s.</value>
    /// </summary>
    [Range(0.1, 600)]
    public double HealthProbeTimeoutSeconds { get; set; } = 2;

    public TimeSpan CallTimeout => TimeSpan.FromSeconds(CallTimeoutSeconds);

    public TimeSpan BreakDuration => TimeSpan.FromSeconds(BreakDurationSeconds);

    /// <summary>The bound for storing <paramref name="bytes"/> bytes.</summary>
    public TimeSpan TransferTimeout(long bytes) => CallTimeout + TimeSpan.FromSeconds((double)bytes / MinTransferBytesPerSecond);
}
