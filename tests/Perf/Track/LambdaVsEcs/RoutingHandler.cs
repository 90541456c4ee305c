using System.Diagnostics;
using System.Net;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// The load client's handler that plays the platform in front of the registry: each request is routed to
/// the instance its shape's router gives (Lambda: one request per instance; ECS: the one process), its
/// body is metered against the response-size limit, and the instance is released when the body ends.
/// A redirect (the presigned URL) ends the instance's part at once; the client then fetches the URL
/// itself without the registry's token, as it would from Lambda. Cold starts are timed from process
/// start to the first byte of the response that waited for it.
/// </summary>
internal sealed class RoutingHandler(IInstanceRouter router, ShapeRecorder recorder, long? responseLimitBytes) : DelegatingHandler(new SocketsHttpHandler
{
    AllowAutoRedirect = false,
    MaxConnectionsPerServer = int.MaxValue,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
})
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var lease = await router.AcquireAsync(cancellationToken);
        var routedAt = Stopwatch.GetTimestamp();
        var ended = 0;
        void End(bool redirected, bool overLimit)
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                router.Release(lease);
                recorder.Finished(lease, Stopwatch.GetElapsedTime(routedAt), redirected, overLimit);
            }
        }

        HttpResponseMessage? response = null;
        try
        {
            request.RequestUri = new Uri(lease.Instance.BaseAddress, request.RequestUri!.PathAndQuery);
            response = await base.SendAsync(request, cancellationToken);
            if (lease.Cold)
            {
                recorder.ColdStart(Stopwatch.GetElapsedTime(lease.Instance.StartedAt), lease.Instance.Startup);
            }

            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.TemporaryRedirect && response.Headers.Location is { } location)
            {
                response.Dispose();
                End(redirected: true, overLimit: false);
                var target = location.IsAbsoluteUri ? location : new Uri(request.RequestUri, location);
                return await base.SendAsync(new HttpRequestMessage(HttpMethod.Get, target), cancellationToken);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var metered = new StreamContent(new MeteredStream(body, responseLimitBytes, overLimit => End(redirected: false, overLimit)));
            foreach (var header in response.Content.Headers)
            {
                metered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = metered;
            return response;
        }
        catch
        {
            response?.Dispose();
            End(redirected: false, overLimit: false);
            throw;
        }
    }
}
