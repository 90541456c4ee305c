using System.ComponentModel.DataAnnotations;

namespace Registry.Options;

/// <summary>
/// How long the registry waits for a slow or stalled client (section <c>ClientLimits</c>), so that a
/// client that stops sending or reading cannot hold a connection or an upload's spool file. Validated at startup.
/// </summary>
internal sealed class ClientLimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClientLimits";

    /// <summary>Longest time to receive the request line and headers. <value>Default: 10 s.</value></summary>
    [Range(1, 600)]
    public double RequestHeadersTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Longest gap between two pieces of an upload's body. Kestrel's data rate is an average since the
    /// body started, so a client that sends 1 MiB quickly and then nothing stays "fast" for an hour;
    /// this bound cuts it off (408) and deletes its spool file. <value>Default: 15 s.</value>
    /// </summary>
    [Range(1, 3600)]
    public double BodyIdleTimeoutSeconds { get; set; } = 15;

    /// <summary>Slowest average rate a request body may arrive at, after the grace period. <value>Default: 1024 bytes/s.</value></summary>
    [Range(1, int.MaxValue)]
    public double MinRequestBodyBytesPerSecond { get; set; } = 1024;

    /// <summary>Slowest average rate a client must read a response at, after the grace period. <value>Default: 1024 bytes/s.</value></summary>
    [Range(1, int.MaxValue)]
    public double MinResponseBytesPerSecond { get; set; } = 1024;

    /// <summary>Time before the two rates above are enforced. <value>Default: 10 s.</value></summary>
    [Range(1, 3600)]
    public double DataRateGraceSeconds { get; set; } = 10;

    /// <summary>Where upload bodies are spooled before they are stored. <value>Default: the system's temporary directory.</value></summary>
    public string? SpoolDirectory { get; set; }
}
