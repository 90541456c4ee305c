using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Registry.Diagnostics;
using Microsoft.Extensions.Options;
using Registry.Hosting;
using Registry.Options;

namespace Registry.Storage;

/// <summary>
/// Archives in PostgreSQL as rows of 1 MiB chunks. Chunks rather than one bytea value so that a read
/// streams row by row (memory stays at one chunk however large the archive) and a range read touches
/// only the chunks it needs.
/// </summary>
internal sealed class PostgresArchiveStore(BackingServiceClients clients, RegistryMetrics metrics, IOptions<ResilienceOptions> resilience) : IArchiveStore
{
    /// <summary>Bytes per row.</summary>
    public const int ChunkBytes = 1024 * 1024;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS archive_chunks (
            storage_key text NOT NULL,
            seq integer NOT NULL,
            data bytea NOT NULL,
            PRIMARY KEY (storage_key, seq))
        """;

    public string Name => "postgres";

    /// <summary>A pooled connection; the wait is recorded, so a pool that is too small shows up as its own component.</summary>
    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var connection = await clients.Postgres.OpenConnectionAsync(cancellationToken);
        metrics.RecordPoolWait(TimeProvider.System.GetElapsedTime(started));
        return connection;
    }

    public async Task PutAsync(string key, Stream content, long length, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var buffer = new byte[ChunkBytes];
        for (var seq = 0; ; seq++)
        {
            var read = await content.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, cancellationToken);
            if (read == 0 && seq > 0)
            {
                break;
            }

            // The key holds the content hash: an existing row with the same key already has these bytes.
            await using var insert = new NpgsqlCommand(
                "INSERT INTO archive_chunks (storage_key, seq, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = key });
            insert.Parameters.Add(new NpgsqlParameter { Value = seq });
            insert.Parameters.Add(new NpgsqlParameter { Value = new ReadOnlyMemory<byte>(buffer, 0, read), NpgsqlDbType = NpgsqlDbType.Bytea });
            await insert.ExecuteNonQueryAsync(cancellationToken);
            if (read < ChunkBytes)
            {
                break;
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Stream> OpenReadAsync(string key, ByteRange? range, CancellationToken cancellationToken)
    {
        var (from, length) = range is { } r ? (r.From, r.Length) : (0L, long.MaxValue);
        var firstChunk = from / ChunkBytes;
        var lastChunk = range is { } bounded ? bounded.To / ChunkBytes : int.MaxValue;
        // COPY takes no parameters: the key is a literal (see Literal), the chunk numbers are numbers.
        var sql = string.Create(
            CultureInfo.InvariantCulture,
            $"COPY (SELECT data FROM archive_chunks WHERE storage_key = {Literal(key)} AND seq BETWEEN {firstChunk} AND {Math.Min(int.MaxValue, lastChunk)} ORDER BY seq) TO STDOUT (FORMAT binary)");
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            // A raw COPY, not a data reader: its reads stop at once when cancelled (PostgresCopyStream says why).
            var copy = await connection.BeginRawBinaryCopyAsync(sql, cancellationToken);
            return new PostgresCopyStream(connection, copy, from - (firstChunk * ChunkBytes), length);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await using var delete = clients.Postgres.CreateCommand("DELETE FROM archive_chunks WHERE storage_key = $1");
        delete.Parameters.Add(new NpgsqlParameter { Value = key });
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<Uri?> PresignAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken) => Task.FromResult<Uri?>(null);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await using var create = clients.Postgres.CreateCommand(CreateTable);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        // DELETE, not DROP or TRUNCATE: those take an ACCESS EXCLUSIVE lock and so wait for every
        // download streaming from the table. DELETE conflicts with none of them; a reader in progress
        // finishes on its snapshot and autovacuum reclaims the space. lock_timeout bounds a wait on
        // anything else (a schema change by hand).
        await EnsureCreatedAsync(cancellationToken);
        await using var connection = await clients.Postgres.OpenConnectionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("BEGIN; SET LOCAL lock_timeout = '5s'; DELETE FROM archive_chunks; COMMIT", connection)
        {
            CommandTimeout = (int)Math.Ceiling(resilience.Value.ResetStepTimeoutSeconds),
        };
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <remarks>
    /// A one-row COPY rather than <c>SELECT 1</c>: a command's cancellation waits for the server to take
    /// a cancel request, which a frozen one never does, so a timed-out probe held a thread until the thaw;
    /// a COPY's read is cut on the client side (PostgresCopyStream).
    /// </remarks>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await clients.Postgres.OpenConnectionAsync(cancellationToken);
        await using var copy = await connection.BeginRawBinaryCopyAsync("COPY (SELECT 1) TO STDOUT (FORMAT binary)", cancellationToken);
        var scratch = new byte[64];
        while (await copy.ReadAsync(scratch, cancellationToken) > 0)
        {
        }
    }

    // A storage key as an SQL string literal. Keys are built from validated model keys and content
    // hashes; anything outside their alphabet is refused rather than escaped, so no key can end the literal.
    private static string Literal(string key)
    {
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or ':' or '+' or '='))
            {
                throw new ArgumentException($"Storage key with a character outside [A-Za-z0-9/-_.:+=]: {key}", nameof(key));
            }
        }

        return "'" + key + "'";
    }
}
