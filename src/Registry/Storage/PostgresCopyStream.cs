using System.Buffers.Binary;
using Npgsql;

namespace Registry.Storage;

/// <summary>
/// An archive read from PostgreSQL as one binary COPY of its chunk rows
/// (<c>COPY (SELECT data ...) TO STDOUT (FORMAT binary)</c>), handing out the bytes between two offsets
/// straight into the caller's buffer: memory stays at Npgsql's read buffer however large the archive.
/// </summary>
/// <remarks>
/// <para>
/// Why a COPY and not a data reader: Npgsql cancels a data reader's row read, or a command, by sending
/// PostgreSQL a cancel request on a new connection and waiting, synchronously and without a timeout,
/// for the server to close that connection (Npgsql 10, <c>NpgsqlConnector.DoCancelRequest</c>). A frozen
/// server never does, so each cancelled read held a thread-pool thread, and its download, until the thaw:
/// downloads from a PostgreSQL frozen for 15 s waited 15 s. Every read of a raw binary COPY is cancelled
/// on the client side instead (Npgsql starts it with <c>attemptPgCancellation: false</c>): the socket read
/// stops at once, the connection is marked broken, and the pool discards it instead of handing it out again.
/// </para>
/// <para>
/// The format (PostgreSQL docs, "COPY", binary format): a 19-byte header (11-byte signature, 32-bit flags,
/// 32-bit length of a header extension that follows), then per row a 16-bit field count and per field a
/// 32-bit length and the bytes; a field count of -1 ends the data. Written by hand: Npgsql's typed
/// <c>NpgsqlBinaryExporter</c> starts each row with a PostgreSQL cancel request again.
/// </para>
/// </remarks>
internal sealed class PostgresCopyStream(NpgsqlConnection connection, NpgsqlRawCopyStream copy, long skip, long length) : ForwardReadStream
{
    // "PGCOPY\n\377\r\n\0"
    private static ReadOnlySpan<byte> Signature => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private readonly byte[] _scratch = new byte[19];
    private long _toSkip = skip; // bytes at the start of the first chunk before the range
    private long _left = length; // bytes of the range not yet handed out
    private long _leftInChunk;
    private bool _started;
    private bool _ended;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_started)
        {
            await ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            _started = true;
        }

        while (!buffer.IsEmpty && _left > 0 && !_ended)
        {
            if (_leftInChunk == 0 && !await NextChunkAsync(cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            while (_toSkip > 0 && _leftInChunk > 0)
            {
                // A range starting inside the first chunk: the caller's buffer is scratch (overwritten next anyway).
                var skipped = await ReadChunkAsync(buffer[..(int)Math.Min(buffer.Length, Math.Min(_toSkip, _leftInChunk))], cancellationToken).ConfigureAwait(false);
                _toSkip -= skipped;
            }

            if (_leftInChunk == 0)
            {
                continue;
            }

            var wanted = (int)Math.Min(buffer.Length, Math.Min(_leftInChunk, _left));
            var read = await ReadChunkAsync(buffer[..wanted], cancellationToken).ConfigureAwait(false);
            _left -= read;
            return read;
        }

        return 0;
    }

    public override async ValueTask DisposeAsync()
    {
        // A COPY read to its end leaves the connection ready for the pool; one cut short is drained by
        // Npgsql (a broken one, after a cancelled read, is not: the pool discards it).
        await copy.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            copy.Dispose();
            connection.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> ReadChunkAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await copy.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new InvalidDataException("The COPY of an archive ended inside a chunk.");
        }

        _leftInChunk -= read;
        return read;
    }

    private async ValueTask ReadHeaderAsync(CancellationToken cancellationToken)
    {
        await copy.ReadExactlyAsync(_scratch.AsMemory(0, 19), cancellationToken).ConfigureAwait(false);
        if (!_scratch.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a binary COPY stream.");
        }

        for (var extension = BinaryPrimitives.ReadInt32BigEndian(_scratch.AsSpan(15, 4)); extension > 0;)
        {
            var part = Math.Min(extension, _scratch.Length);
            await copy.ReadExactlyAsync(_scratch.AsMemory(0, part), cancellationToken).ConfigureAwait(false);
            extension -= part;
        }
    }

    // Reads the next row's field count and the chunk's length; false at the end of the data.
    private async ValueTask<bool> NextChunkAsync(CancellationToken cancellationToken)
    {
        await copy.ReadExactlyAsync(_scratch.AsMemory(0, 2), cancellationToken).ConfigureAwait(false);
        var fields = BinaryPrimitives.ReadInt16BigEndian(_scratch);
        if (fields == -1)
        {
            // Read on to the end of the COPY, so Npgsql takes its closing messages and the connection is ready again.
            _ended = true;
            if (await copy.ReadAsync(_scratch, cancellationToken).ConfigureAwait(false) != 0)
            {
                throw new InvalidDataException("Bytes after the end of a binary COPY.");
            }

            return false;
        }

        await copy.ReadExactlyAsync(_scratch.AsMemory(0, 4), cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32BigEndian(_scratch);
        if (fields != 1 || length < 0)
        {
            throw new InvalidDataException($"A chunk row of a binary COPY with {fields} fields and length {length}.");
        }

        _leftInChunk = length;
        return true;
    }
}
