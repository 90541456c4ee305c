namespace Registry.Endpoints;

/// <summary>
/// The size of the block an archive download asks of the response's PipeWriter for each read.
/// </summary>
/// <remarks>
/// Kestrel's own blocks are 4 KiB; a larger request gets one array from the shared ArrayPool, so a read
/// of 64 KiB is one block, sent with one I/O vector. Written as 4 KiB blocks (what Stream.WriteAsync on
/// the response does), every send of a download gathered 16 or more, for which the socket layer
/// allocated its I/O-vector and pin-handle arrays on each send, and the pipe took its lock once per
/// block: a quarter of the cached path's allocations and a tenth of its CPU samples were there
/// (EventPipe, bench/registry-vs-direct.sh). Never more than 64 KiB: a larger array would come from
/// the large object heap whenever the shared pool has none to give.
/// </remarks>
internal static class ResponseBlock
{
    /// <summary>The largest block asked for.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The block for a configured copy buffer of <paramref name="bufferBytes"/> (stream_buffer_bytes).</summary>
    public static int Bytes(int bufferBytes) => Math.Min(bufferBytes, MaxBytes);
}
