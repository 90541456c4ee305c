namespace Registry.Resilience;

/// <summary>
/// A backing service failed, timed out or has its circuit open. Answered as 503 with
/// <c>Retry-After</c>; the message names the service and nothing internal (no hosts, ports or SDK text).
/// </summary>
internal sealed class BackingServiceUnavailableException(string service, TimeSpan retryAfter, Exception? inner)
    : Exception($"The {service} backing service is not answering; try again in {Math.Ceiling(retryAfter.TotalSeconds):0} s.", inner)
{
    /// <summary>"s3", "dynamodb" or "postgres".</summary>
    public string Service { get; } = service;

    /// <summary>When a retry has a chance: what is left of an open circuit's break, else the break duration.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
