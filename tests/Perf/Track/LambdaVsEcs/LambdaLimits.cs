namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// Lambda's response-size limits, as AWS documents them (checked 2026-11-30): "response streaming
/// functions can return payloads up to 200 MB, compared to the 6 MB maximum for buffered responses";
/// beyond the first 6 MB a streamed response is bandwidth-capped.
/// Source: https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html
/// (the 200 MB streaming limit replaced a 20 MB soft limit in July 2025:
/// https://aws.amazon.com/about-aws/whats-new/2025/07/aws-lambda-response-streaming-200-mb-payloads/).
/// The Lambda shape here streams up to the buffered 6 MB, the limit every invocation path has (API
/// Gateway, function URL in BUFFERED mode, Invoke), and above it uses the registry's presigned-URL
/// redirect, which is how a Lambda registry serves a large archive without the capped stream.
/// </summary>
internal static class LambdaLimits
{
    /// <summary>6 MB, the buffered response limit (taken as 6 MiB, the larger reading, so no archive is redirected that Lambda would carry).</summary>
    public const long BufferedResponseBytes = 6L * 1024 * 1024;

    /// <summary>200 MB, the response-streaming limit; the bandwidth beyond the first 6 MB is capped.</summary>
    public const long StreamedResponseBytes = 200L * 1024 * 1024;

    /// <summary>
    /// API Gateway's default integration timeout, 29 s, in front of a Lambda registry: a request still
    /// waiting for an instance (queue, cold start) or its first byte then fails. Source:
    /// https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html (raisable for Regional
    /// REST APIs since June 2024: https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/).
    /// </summary>
    public static readonly TimeSpan GatewayTimeout = TimeSpan.FromSeconds(29);

    public const string Source = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html (checked 2026-11-30)";
}
