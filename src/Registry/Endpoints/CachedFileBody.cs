using Registry.Storage;

namespace Registry.Endpoints;

/// <summary>
/// Sends a part of a hot-archive cache file as the response body: positional reads of the file into
/// one pooled buffer of stream_buffer_bytes, each handed to the response's PipeWriter.
/// </summary>
/// <remarks>
/// Not <c>HttpResponse.SendFileAsync</c>: Kestrel has no zero-copy send, and its fallback copies
/// through a 16 KiB asynchronous FileStream, so every 16 KiB cost a thread-pool hop for the read. That
/// was a tenth of the cached path's CPU samples (EventPipe, bench/registry-vs-direct.sh). The reads
/// here are synchronous: the file was written and verified by this process and is read from the page
/// cache, where a read of a buffer takes microseconds, less than the hop it replaces. Not reads into
/// the PipeWriter's own memory either: a block larger than Kestrel's 4 KiB comes from the shared
/// ArrayPool, which a hundred downloads at once ran dry, and each miss allocated a new 64 KiB array
/// (allocations per byte went from 0.025 to 0.055 in bench/registry-vs-direct.sh).
/// </remarks>
internal static class CachedFileBody
{
    /// <returns>The bytes sent; fewer than <paramref name="count"/> when the client went away or the file ended early.</returns>
    public static async Task<long> SendAsync(HttpResponse response, string path, long offset, long count, StreamBufferPool buffers, CancellationToken cancellationToken)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        var writer = response.BodyWriter;
        var buffer = buffers.Rent();
        long sent = 0;
        try
        {
            while (sent < count)
            {
                var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffers.BufferBytes, count - sent)), offset + sent);
                if (read == 0)
                {
                    break;
                }

                sent += read;
                var flushed = await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }

            return sent;
        }
        finally
        {
            buffers.Return(buffer);
        }
    }
}
