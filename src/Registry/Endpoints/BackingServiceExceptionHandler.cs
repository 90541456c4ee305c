using Amazon.Runtime;
using Npgsql;
using Registry.Diagnostics;

namespace Registry.Endpoints;

/// <summary>
/// Turns failures that are not the registry's fault into problem details: a bad request the
/// framework rejected (malformed JSON, an oversized body) keeps its 4xx status; a backing service that
/// failed or timed out gives 503. Anything else is a bug and stays a 500.
/// </summary>
internal sealed class BackingServiceExceptionHandler(IProblemDetailsService problems, RegistryMetrics metrics, ILogger<BackingServiceExceptionHandler> logger) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, component) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request", null),
            AmazonServiceException or AmazonClientException => (StatusCodes.Status503ServiceUnavailable, "Backing service unavailable", "aws"),
            NpgsqlException => (StatusCodes.Status503ServiceUnavailable, "Backing service unavailable", "postgres"),
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

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = status < 500 ? exception.Message : "A backing service failed; try again." },
        });
    }
}
