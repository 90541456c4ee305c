namespace PerfTesting.Load;

/// <summary>What one execution of a scenario step produced: success or the failure's kind, status and bytes read.</summary>
/// <param name="Success">Whether the step succeeded.</param>
/// <param name="StatusCode">The protocol status (an HTTP status code), or 0 when there was none.</param>
/// <param name="Bytes">Response bytes read.</param>
/// <param name="ErrorKind">For failures, a short classification ("status 503", "timeout", "connection refused", an exception type).</param>
public readonly record struct StepOutcome(bool Success, int StatusCode, long Bytes, string? ErrorKind)
{
    /// <summary>A success.</summary>
    /// <param name="bytes">Bytes read.</param>
    /// <param name="statusCode">The status, if any.</param>
    public static StepOutcome Ok(long bytes = 0, int statusCode = 0) => new(true, statusCode, bytes, null);

    /// <summary>A failure.</summary>
    /// <param name="errorKind">Its classification.</param>
    /// <param name="statusCode">The status, if any.</param>
    /// <param name="bytes">Bytes read before it failed.</param>
    public static StepOutcome Fail(string errorKind, int statusCode = 0, long bytes = 0) => new(false, statusCode, bytes, errorKind);
}
