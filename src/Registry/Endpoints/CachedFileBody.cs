namespace Registry.Endpoints;

/// <summary>
/// Sends a part of a hot-archive cache file as the response body: positional reads of the file straight
/// into the response's own memory (<see cref="ResponseBody"/>), each then flushed.
/// </summary>
/// <remarks>
/// Not <c>HttpResponse.SendFileAsync</c>: Kestrel has no zero-copy send, and its fallback copies
/// through a 16 KiB asynchronous FileStream, so every 16 KiB cost a thread-pool hop for the read. That
/// was a tenth of the cached path's CPU samples (EventPipe, bench/registry-vs-direct.sh). The reads
/// here are synchronous (<see cref="FileSource"/>).
/// </remarks>
internal static class CachedFileBody
{
    /// <returns>The bytes sent (fewer than <paramref name="count"/> when the client went away or the file ended early) and whether the client went away.</returns>
    public static async Task<BodyCopy> SendAsync(HttpResponse response, string path, long offset, long count, int readBytes, CancellationToken cancellationToken)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        return await ResponseBody.CopyAsync(new FileSource(file, offset), response, count, readBytes, cancellationToken);
    }
}
