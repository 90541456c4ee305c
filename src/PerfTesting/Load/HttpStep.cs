using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace PerfTesting.Load;

/// <summary>
/// Scenario steps over HTTP. The response body is read to its end through a pooled buffer and only
/// counted, never kept, so a 1 GiB download costs the load generator 64 KiB. Failures are classified:
/// the status code, a timeout, a connection error (with the socket error), or the exception type.
/// </summary>
public static class HttpStep
{
    private const int BufferSize = 64 * 1024;
    private const string JsonMediaType = "application/json";

    /// <summary>A step that GETs <paramref name="url"/> with <paramref name="client"/>.</summary>
    /// <param name="client">A shared client (one per run; it pools connections).</param>
    /// <param name="url">The target.</param>
    public static ScenarioStep Get(HttpClient client, Uri url)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        return (_, ct) => SendAsync(client, new HttpRequestMessage(HttpMethod.Get, url), ct);
    }

    /// <summary>A step that GETs <paramref name="url"/>: absolute, or relative to the client's <see cref="HttpClient.BaseAddress"/>.</summary>
    /// <param name="client">A shared client.</param>
    /// <param name="url">The target, e.g. <c>"http://127.0.0.1:5000/search?q=a"</c> or <c>"/search?q=a"</c>.</param>
    public static ScenarioStep Get(HttpClient client, string url) => Get(client, Target(client, url));

    /// <summary>A step that POSTs a fresh body from <paramref name="content"/> to <paramref name="url"/> in each iteration.</summary>
    /// <param name="client">A shared client.</param>
    /// <param name="url">The target.</param>
    /// <param name="content">Builds the body (a body cannot be sent twice); the context gives the client and iteration.</param>
    public static ScenarioStep Post(HttpClient client, Uri url, Func<ScenarioContext, HttpContent> content) => WithBody(HttpMethod.Post, client, url, content);

    /// <summary>A step that POSTs a fresh body from <paramref name="content"/> to <paramref name="url"/> (absolute, or relative to the client's base address).</summary>
    /// <param name="client">A shared client.</param>
    /// <param name="url">The target.</param>
    /// <param name="content">Builds the body for each iteration.</param>
    public static ScenarioStep Post(HttpClient client, string url, Func<ScenarioContext, HttpContent> content) => WithBody(HttpMethod.Post, client, Target(client, url), content);

    /// <summary>A step that POSTs the text <paramref name="body"/> (UTF-8, JSON by default) to <paramref name="url"/>.</summary>
    /// <param name="client">A shared client.</param>
    /// <param name="url">The target, absolute or relative to the client's base address.</param>
    /// <param name="body">The body, the same in every iteration.</param>
    /// <param name="mediaType">Its media type. <value>Default: application/json.</value></param>
    public static ScenarioStep Post(HttpClient client, string url, string body, string mediaType = JsonMediaType) => WithBody(HttpMethod.Post, client, Target(client, url), Text(body, mediaType));

    /// <summary>A step that PUTs a fresh body from <paramref name="content"/> to <paramref name="url"/> in each iteration.</summary>
    /// <param name="client">A shared client.</param>
    /// <param name="url">The target.</param>
    /// <param name="content">Builds the body for each iteration.</param>
    public static ScenarioStep Put(HttpClient client, Uri url, Func<ScenarioContext, HttpContent> content) => WithBody(HttpMethod.Put, client, url, content);

    /// <summary>A step that PUTs a fresh body from <paramref name="content"/> to <paramref name="url"/> (absolute, or relative to the client's base address).</summary>
    /// <param name="client">A shared client.</param>
    /// <param name="url">The target.</param>
    /// <param name="content">Builds the body for each iteration.</param>
    public static ScenarioStep Put(HttpClient client, string url, Func<ScenarioContext, HttpContent> content) => WithBody(HttpMethod.Put, client, Target(client, url), content);

    /// <summary>A step that PUTs the text <paramref name="body"/> (UTF-8, JSON by default) to <paramref name="url"/>.</summary>
    /// <param name="client">A shared client.</param>
    /// <param name="url">The target, absolute or relative to the client's base address.</param>
    /// <param name="body">The body, the same in every iteration.</param>
    /// <param name="mediaType">Its media type. <value>Default: application/json.</value></param>
    public static ScenarioStep Put(HttpClient client, string url, string body, string mediaType = JsonMediaType) => WithBody(HttpMethod.Put, client, Target(client, url), Text(body, mediaType));

    /// <summary>A step that sends DELETE to <paramref name="url"/>, with a body from <paramref name="content"/> when given.</summary>
    /// <param name="client">A shared client.</param>
    /// <param name="url">The target.</param>
    /// <param name="content">Builds a body for each iteration, or null for none.</param>
    public static ScenarioStep Delete(HttpClient client, Uri url, Func<ScenarioContext, HttpContent>? content = null) => WithBody(HttpMethod.Delete, client, url, content);

    /// <summary>A step that sends DELETE to <paramref name="url"/> (absolute, or relative to the client's base address), with a body from <paramref name="content"/> when given.</summary>
    /// <param name="client">A shared client.</param>
    /// <param name="url">The target.</param>
    /// <param name="content">Builds a body for each iteration, or null for none.</param>
    public static ScenarioStep Delete(HttpClient client, string url, Func<ScenarioContext, HttpContent>? content = null) => WithBody(HttpMethod.Delete, client, Target(client, url), content);

    /// <summary>A step that sends the request <paramref name="request"/> builds for each iteration.</summary>
    /// <param name="client">A shared client.</param>
    /// <param name="request">Builds a fresh request (a request cannot be sent twice).</param>
    public static ScenarioStep Send(HttpClient client, Func<ScenarioContext, HttpRequestMessage> request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return (context, ct) => SendAsync(client, request(context), ct);
    }

    /// <summary>Sends one request, reads the whole body, and classifies the outcome.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request; disposed here.</param>
    /// <param name="cancellationToken">The run's token: cancelling it is not a failure of the target.</param>
    /// <returns>Success for a 2xx/3xx status with the body read; otherwise the failure's kind.</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // no allocation per request for the state machine
    public static async ValueTask<StepOutcome> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long bytes = 0;
        var status = 0;
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    int read;
                    while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        bytes += read;
                    }
                }

                return status < 400
                    ? StepOutcome.Ok(bytes, status)
                    : StepOutcome.Fail("status " + status.ToString(CultureInfo.InvariantCulture), status, bytes);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return StepOutcome.Fail(Classify(e), status, bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Names the kind of a failed request's exception.</summary>
    /// <param name="exception">What the request threw.</param>
    /// <returns>"timeout", "connection refused" (and other socket errors), "response ended early", or the exception's type.</returns>
    public static string Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded })
            {
                return "response ended early";
            }

            if (ErrorKinds.TransportKind(e) is { } kind)
            {
                return kind;
            }
        }

        return exception is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http
            ? "http " + http.HttpRequestError.ToString()
            : exception.GetType().Name;
    }

    private static ScenarioStep WithBody(HttpMethod method, HttpClient client, Uri url, Func<ScenarioContext, HttpContent>? content)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        return (context, ct) => SendAsync(client, new HttpRequestMessage(method, url) { Content = content?.Invoke(context) }, ct);
    }

    private static Func<ScenarioContext, HttpContent> Text(string body, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        return _ => new StringContent(body, System.Text.Encoding.UTF8, mediaType);
    }

    // Checked when the step is built, not on every request: a relative URL needs the client's base address.
    private static Uri Target(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(url);
        if (!Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var target))
        {
            throw new ArgumentException($"'{url}' is not a URL.", nameof(url));
        }

        if (!target.IsAbsoluteUri && client.BaseAddress is null)
        {
            throw new ArgumentException($"'{url}' is relative and the HttpClient has no BaseAddress; give an absolute URL or set BaseAddress.", nameof(url));
        }

        return target;
    }
}
