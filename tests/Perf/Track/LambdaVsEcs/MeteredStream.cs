using System.Net;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// The body of a routed response: counts its bytes, fails the read that goes past the response-size
/// limit (as Lambda fails an invocation whose response is too large), and reports the end of the body
/// (read to the end, failed or abandoned) once, which is when the instance is free again.
/// </summary>
internal sealed class MeteredStream(Stream inner, long? limitBytes, Action<bool> onEnd) : Stream
{
    private long _bytes;
    private int _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _bytes; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            End(overLimit: false);
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _bytes += read;
        if (limitBytes is { } limit && _bytes > limit)
        {
            End(overLimit: true);
            throw new ProtocolViolationException($"The response passed {limit} bytes, Lambda's response-size limit.");
        }

        if (read == 0)
        {
            End(overLimit: false);
        }

        return read;
    }

    private void End(bool overLimit)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            onEnd(overLimit);
        }
    }
}
