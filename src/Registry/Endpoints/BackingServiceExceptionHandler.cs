using Amazon.Runtime;
using Npgsql;
using Registry.Diagnostics;
using Registry.Resilience;

namespace Registry.Endpoints;

/// <summary>
/// Turns failures that are not the registry's fault into problem details: a bad request the
/// framework rejected (malformed JSON, an oversized body) keeps its 4xx status; a backing service that
/// failed, timed out or has its circuit open gives 503 with <c>Retry-After</c> and a body that names the
/// service but nothing internal. Anything else is a bug and stays a 500.
/// </summary>
internal sealed class BackingServiceExceptionHandler(IProblemDetailsService problems, RegistryMetrics metrics, ILogger<BackingServiceExceptionHandler> logger) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, component) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request", null),
            BackingServiceUnavailableException unavailable => (StatusCodes.Status503ServiceUnavailable, "Backing service unavailable", unavailable.Service),
            AmazonServiceException or AmazonClientException => (StatusCodes.Status503ServiceUnavailable, "Backing service unavailable", "aws"),
            NpgsqlException => (StatusCodes.Status503ServiceUnavailable, "Backing service unavailable", BackingServiceNames.Postgres),
            HttpRequestException or TimeoutException or IOException when !httpContext.RequestAborted.IsCancellationRequested =>
                (StatusCodes.Status503ServiceUnavailable, "Backing service unavailable", "network"),
            _ => (0, "", null),
        };
        if (status == 0 || httpContext.Response.HasStarted)
        {
            return false;
        }

        if (component is not null)
        {
            metrics.RecordError(component);
            logger.LogWarning(exception, "Backing service {Component} failed", component);
        }

        var retryAfter = exception is BackingServiceUnavailableException { RetryAfter: var after } ? after : TimeSpan.FromSeconds(1);
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var details = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Type = status == StatusCodes.Status503ServiceUnavailable ? "https://acme.example/problems/unavailable" : null,
                Detail = status < 500 ? exception.Message
                    : exception is BackingServiceUnavailableException ? exception.Message
                    : "A backing service failed; try again.",
            },
        };
        if (exception is BackingServiceUnavailableException named)
        {
            details.ProblemDetails.Extensions["service"] = named.Service;
        }

        return await problems.TryWriteAsync(details);
    }
}
