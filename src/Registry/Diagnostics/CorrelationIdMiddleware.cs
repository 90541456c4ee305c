using System.Text.RegularExpressions;

namespace Registry.Diagnostics;

/// <summary>
/// Gives every request a correlation id (the caller's <c>X-Correlation-Id</c> when it is a plain
/// token, else a new one), echoes it in the response and opens a logging scope with it, so every log
/// line of the request carries it. Also counts requests in progress.
/// </summary>
internal sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger, RegistryMetrics metrics)
{
    /// <summary>The header read and written.</summary>
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[Header].ToString();
        var id = PlainToken().IsMatch(given) ? given : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id });
        metrics.RequestStarted();
        try
        {
            await next(context);
        }
        finally
        {
            metrics.RequestEnded();
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex PlainToken();
}
