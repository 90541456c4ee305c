using System.Data.Common;
using Npgsql;

namespace PerfTesting.History.Storage;

/// <summary>
/// A team's shared history in PostgreSQL. Migrations run under a transaction-scoped advisory lock, so
/// the first writers of several CI jobs cannot create the tables twice; other tables in the database are
/// left alone.
/// </summary>
internal sealed class PostgresHistoryStore : DbHistoryStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresHistoryStore(NpgsqlDataSource dataSource, string description)
    {
        _dataSource = dataSource;
        Description = description;
    }

    public override string Description { get; }

    protected override IReadOnlyList<string> Migrations => HistorySchema.Postgres;

    protected override bool OtherTablesAreForeign => false;

    public static async Task<PostgresHistoryStore> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var store = new PostgresHistoryStore(NpgsqlDataSource.Create(builder), $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}");
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new HistoryStoreException($"{store.Description} cannot be used: {e.Message}", e);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return store;
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock(hashtext('{HistorySchema.Application}'))", cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    protected override string TablesQuery => "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";

    protected override object TimeValue(DateTimeOffset time) => time.ToUniversalTime();

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
