using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;

/// <summary>
/// N clients downloading one URL over and over until the phase's time is up (the downloads in
/// flight then finish), each body read through a pooled buffer and checked for its length.
/// Throughput is the bytes of complete downloads over the time until the last client stopped. Connections
/// are kept alive and reused the same way for every target (one pool per phase, as many as clients).
/// </summary>
internal static class DownloadLoad
{
    public static async Task<(double BytesPerSecond, long Bytes, int Downloads, int Failed)> RunAsync(Uri url, string? token, long expectedLength, int clients, TimeSpan duration, bool followRedirects = false)
    {
        // A followed redirect drops the Authorization header (SocketsHttpHandler does), as S3 requires.
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AllowAutoRedirect = followRedirects };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        long bytes = 0;
        var downloads = 0;
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(81_920);
            try
            {
                while (Stopwatch.GetTimestamp() < stopAt)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        // A 503 (a backing service that did not answer in time, which a machine shared with
                        // other work can cause) is counted and reported, not fatal; its bytes count for nothing.
                        if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
                        {
                            throw new HttpRequestException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        }

                        if (Interlocked.Increment(ref failed) == 1)
                        {
                            Console.WriteLine($"  (first failed download: 503 {await response.Content.ReadAsStringAsync()})");
                        }

                        await Task.Delay(100);
                        continue;
                    }

                    await using var body = await response.Content.ReadAsStreamAsync();
                    long length = 0;
                    int read;
                    while ((read = await body.ReadAsync(buffer)) > 0)
                    {
                        length += read;
                    }

                    if (length != expectedLength)
                    {
                        throw new InvalidOperationException($"{url}: {length} bytes instead of {expectedLength}");
                    }

                    Interlocked.Add(ref bytes, length);
                    Interlocked.Increment(ref downloads);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (bytes / elapsed, bytes, downloads, failed);
    }

    /// <summary>Exactly <paramref name="downloads"/> downloads shared by <paramref name="clients"/> clients; returns how many completed.</summary>
    public static async Task<int> RunCountAsync(Uri url, string? token, long expectedLength, int clients, int downloads, bool followRedirects = false)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AllowAutoRedirect = followRedirects };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var left = downloads;
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(81_920);
            try
            {
                while (Interlocked.Decrement(ref left) >= 0)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new HttpRequestException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }

                    await using var body = await response.Content.ReadAsStreamAsync();
                    long length = 0;
                    int read;
                    while ((read = await body.ReadAsync(buffer)) > 0)
                    {
                        length += read;
                    }

                    if (length != expectedLength)
                    {
                        throw new InvalidOperationException($"{url}: {length} bytes instead of {expectedLength}");
                    }

                    Interlocked.Increment(ref done);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }));
        return done;
    }
}
