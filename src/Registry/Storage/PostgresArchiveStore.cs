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
        var (from, to) = range is { } r ? (r.From, r.To) : (0L, long.MaxValue);
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            var command = new NpgsqlCommand(
                "SELECT seq, data FROM archive_chunks WHERE storage_key = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            command.Parameters.Add(new NpgsqlParameter { Value = (int)(from / ChunkBytes) });
            command.Parameters.Add(new NpgsqlParameter { Value = (int)Math.Min(int.MaxValue, to / ChunkBytes) });
            var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
            return new PostgresChunkStream(connection, command, reader, from, to, ChunkBytes);
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

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var ping = clients.Postgres.CreateCommand("SELECT 1");
        await ping.ExecuteScalarAsync(cancellationToken);
    }
}
