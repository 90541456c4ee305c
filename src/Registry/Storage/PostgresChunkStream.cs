using Npgsql;

namespace Registry.Storage;

/// <summary>Reads chunk rows one at a time and hands out the bytes between two offsets.</summary>
internal sealed class PostgresChunkStream(NpgsqlConnection connection, NpgsqlCommand command, NpgsqlDataReader reader, long from, long to, int chunkBytes) : Stream
{
    private byte[] _chunk = [];
    private int _offset;
    private int _end;
    private long _position = from;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _end)
        {
            if (_position > to || !await reader.ReadAsync(cancellationToken))
            {
                return 0;
            }

            var seq = reader.GetInt32(0);
            _chunk = reader.GetFieldValue<byte[]>(1);
            var chunkStart = (long)seq * chunkBytes;
            _offset = (int)Math.Max(0, _position - chunkStart);
            var lastWanted = to - chunkStart; // no "+ 1" here: 'to' is long.MaxValue for a whole read
            _end = lastWanted >= _chunk.Length - 1 ? _chunk.Length : (int)lastWanted + 1;
            _offset = Math.Min(_offset, _end);
        }

        var n = Math.Min(buffer.Length, _end - _offset);
        _chunk.AsMemory(_offset, n).CopyTo(buffer);
        _offset += n;
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await command.DisposeAsync();
        await connection.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            reader.Dispose();
            command.Dispose();
            connection.Dispose();
        }

        base.Dispose(disposing);
    }
}
