using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
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

    /// <summary>A step that GETs <paramref name="url"/> with <paramref name="client"/>.</summary>
    /// <param name="client">A shared client (one per run; it pools connections).</param>
    /// <param name="url">The target.</param>
    public static ScenarioStep Get(HttpClient client, Uri url)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        return (_, ct) => SendAsync(client, new HttpRequestMessage(HttpMethod.Get, url), ct);
    }

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
            switch (e)
            {
                case TimeoutException:
                case TaskCanceledException:
                    return "timeout";
                case SocketException socket:
                    return "connection " + SocketErrorName(socket.SocketErrorCode);
                case HttpIOException io when io.HttpRequestError == HttpRequestError.ResponseEnded:
                    return "response ended early";
                case IOException when e.InnerException is null:
                    return "connection reset";
            }
        }

        return exception is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http
            ? "http " + http.HttpRequestError.ToString()
            : exception.GetType().Name;
    }

    private static string SocketErrorName(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "refused",
        SocketError.ConnectionReset => "reset",
        SocketError.TimedOut => "timed out",
        _ => error.ToString(),
    };
}
