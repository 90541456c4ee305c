namespace Registry.Endpoints;

/// <summary>
/// Copies an archive's bytes into the response body: each read goes straight into the response's own
/// memory (a 64 KiB block of LargeBlockMemoryPool once the response has started), then is flushed. No
/// buffer of the registry's and no copy in between. Never more than the length asked for: the response
/// has that Content-Length, and writing past it is a 500 (the AWS SDK's ByteRange(0, 0) once asked for
/// a whole object; found by MalformedInputTests, "bytes=0-0").
/// </summary>
/// <remarks>
/// Generic over a struct source, so a file read and a stream read share this loop without a delegate or
/// a box per read. (With Kestrel's 4 KiB blocks, reading into the response's memory was tried and taken
/// back: larger requests fell through to the shared ArrayPool, which a hundred downloads at once ran dry.)
/// </remarks>
internal static class ResponseBody
{
    /// <returns>The bytes sent (fewer than <paramref name="length"/> when the source ended early or the client went away) and whether the client went away.</returns>
    public static async Task<BodyCopy> CopyAsync<TSource>(TSource source, HttpResponse response, long length, int readBytes, CancellationToken cancellationToken)
        where TSource : struct, IArchiveSource
    {
        var writer = response.BodyWriter;
        long sent = 0;
        while (sent < length)
        {
            var memory = writer.GetMemory(readBytes);
            var read = await source.ReadAsync(memory[..(int)Math.Min(Math.Min(memory.Length, readBytes), length - sent)], sent, cancellationToken);
            if (read == 0)
            {
                break;
            }

            writer.Advance(read);
            sent += read;
            var flushed = await writer.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return new BodyCopy(sent, ClientGone: true);
            }
        }

        return new BodyCopy(sent, ClientGone: false);
    }
}
