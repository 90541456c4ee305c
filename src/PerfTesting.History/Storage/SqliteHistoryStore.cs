using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PerfTesting.History.Storage;

/// <summary>
/// The embedded default: one SQLite file. Writers take SQLite's write lock (BEGIN IMMEDIATE) and wait
/// for each other up to the busy timeout; rollback-journal mode and no pooled connections leave the whole
/// history in the one file after each command, so it can be copied or committed between CI runs.
/// </summary>
internal sealed class SqliteHistoryStore : DbHistoryStore
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();
    private readonly string _connectionString;
    private readonly string _path;

    private SqliteHistoryStore(string path)
    {
        _path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Seconds a writer waits for another one's lock before it gives up.
            DefaultTimeout = 60,
        }.ToString();
    }

    public override string Description => $"SQLite file {_path}";

    protected override IReadOnlyList<string> Migrations => HistorySchema.Sqlite;

    protected override bool OtherTablesAreForeign => true;

    /// <summary>Opens (or creates) the file, refusing one that is not a SQLite database or is corrupt before anything is written to it.</summary>
    public static async Task<SqliteHistoryStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new HistoryStoreException($"{full} is a directory; give the history's file, e.g. {Path.Combine(full, "history.db")}.");
        }

        await RefuseForeignFileAsync(full, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var store = new SqliteHistoryStore(full);
        try
        {
            await store.CheckIntegrityAsync(cancellationToken).ConfigureAwait(false);
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            throw new HistoryStoreException($"{store.Description} is corrupt or not a database (SQLite error {e.SqliteErrorCode}: {e.Message}); it was left untouched. Restore it from a copy or start a new file.", e);
        }

        return store;
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    protected override async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE unless asked for a deferred transaction: the write lock is taken at once.
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    protected override string TablesQuery => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";

    protected override object TimeValue(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static async Task RefuseForeignFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return;
        }

        var start = new byte[Header.Length];
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < start.Length || !start.AsSpan().SequenceEqual(Header))
            {
                throw new HistoryStoreException($"{path} is not a SQLite database (it does not start with the SQLite header); it was left untouched. Give a new file or the history's own.");
            }
        }
    }

    private async Task CheckIntegrityAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return;
        }

        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA quick_check";
                var result = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (result != "ok")
                {
                    throw new HistoryStoreException($"{Description} is corrupt (quick_check: {result}); it was left untouched. Restore it from a copy or start a new file.");
                }
            }
        }
    }
}
