using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// An upload body of exactly <c>length</c> bytes, generated while it is sent: the zip signature the
/// registry checks, then xorshift64 bytes from <c>seed</c> (a different seed, a different archive and
/// SHA-256). Nothing is held in memory beyond one 64 KiB buffer, so the load generator's share of the
/// process's peak memory stays flat whatever the size.
/// </summary>
internal sealed class GeneratedArchive : HttpContent
{
    private const int ChunkBytes = 64 * 1024;
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    private readonly long _length;
    private readonly ulong _seed;

    public GeneratedArchive(long length, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, ZipSignature.Length);
        _length = length;
        _seed = seed | 1; // xorshift must not start at zero
        Headers.ContentType = new MediaTypeHeaderValue("application/zip");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var state = _seed;
            var remaining = _length;
            var first = true;
            while (remaining > 0)
            {
                var n = (int)Math.Min(ChunkBytes, remaining);
                for (var i = 0; i < n; i += 8)
                {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    BitConverter.TryWriteBytes(buffer.AsSpan(i, Math.Min(8, n - i)), state);
                }

                if (first)
                {
                    ZipSignature.CopyTo(buffer, 0);
                    first = false;
                }

                await stream.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                remaining -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
