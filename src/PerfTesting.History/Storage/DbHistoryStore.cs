using System.Data.Common;
using System.Globalization;
using PerfTesting.History.Records;

namespace PerfTesting.History.Storage;

/// <summary>
/// What the SQLite and PostgreSQL stores share: the schema check and forward migration under the
/// dialect's lock, and plain parameterised inserts and reads through ADO.NET.
/// </summary>
internal abstract class DbHistoryStore : IHistoryStore
{
    public abstract string Description { get; }

    /// <summary>The dialect's migrations, version 1 first.</summary>
    protected abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>Whether any table but ours makes the database foreign (a SQLite file of its own) or not (a team's shared PostgreSQL database).</summary>
    protected abstract bool OtherTablesAreForeign { get; }

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins the transaction migrations run in, holding the dialect's writer lock so two first writers cannot both create the tables.</summary>
    protected abstract Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The dialect's query for the names of the user tables (one string column).</summary>
    protected abstract string TablesQuery { get; }

    /// <summary>The names of the user tables in the database.</summary>
    private async Task<IReadOnlyList<string>> TablesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = TablesQuery;
            var tables = new List<string>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            return tables;
        }
    }

    protected abstract object TimeValue(DateTimeOffset time);

    protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Checks what the database is and migrates it to <see cref="HistorySchema.CurrentVersion"/>.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await BeginExclusiveAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                if (version > Migrations.Count)
                {
                    throw new HistoryStoreException($"{Description} is at history schema version {version}; this version of PerfTesting.History knows up to {Migrations.Count}. Use a newer perftest; the database was left as it is.");
                }

                for (var next = version; next < Migrations.Count; next++)
                {
                    await ExecuteAsync(connection, transaction, Migrations[next], cancellationToken).ConfigureAwait(false);
                }

                if (version < Migrations.Count)
                {
                    await ExecuteAsync(connection, transaction, $"UPDATE {HistorySchema.MetaTable} SET value = '{Migrations.Count.ToString(CultureInfo.InvariantCulture)}' WHERE key = 'schema_version'", cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task AppendAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var record in records)
                {
                    await InsertAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<HistoryRecord>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = $"SELECT id, {HistorySchema.Columns} FROM {HistorySchema.RunsTable} ORDER BY id";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var records = new List<HistoryRecord>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        records.Add(Read(reader));
                    }

                    return records;
                }
            }
        }
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var tables = await TablesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (!tables.Contains(HistorySchema.MetaTable, StringComparer.OrdinalIgnoreCase))
        {
            var others = tables.Where(t => OtherTablesAreForeign || t.Equals(HistorySchema.RunsTable, StringComparison.OrdinalIgnoreCase)).ToList();
            if (others.Count > 0)
            {
                throw new HistoryStoreException($"{Description} is a database of something else (tables: {string.Join(", ", others.Take(5))}), not a PerfTesting history; it was left untouched. Give a new file or the history's own database.");
            }

            await ExecuteAsync(connection, transaction, $"CREATE TABLE {HistorySchema.MetaTable} (key text PRIMARY KEY, value text NOT NULL)", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO {HistorySchema.MetaTable} (key, value) VALUES ('application', '{HistorySchema.Application}'), ('schema_version', '0')", cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT key, value FROM {HistorySchema.MetaTable}";
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    meta[reader.GetString(0)] = reader.GetString(1);
                }
            }
        }

        if (!meta.TryGetValue("application", out var application) || application != HistorySchema.Application)
        {
            throw new HistoryStoreException($"{Description} has a {HistorySchema.MetaTable} table that names another application ('{application}'); it was left untouched.");
        }

        if (!meta.TryGetValue("schema_version", out var text) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new HistoryStoreException($"{Description} has no readable schema_version ('{text}'); it was left untouched.");
        }

        return version;
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, HistoryRecord record, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            var environment = record.Environment;
            object?[] values =
            [
                record.Commit, record.Branch, TimeValue(record.RecordedAt), record.Scenario, environment.Key, environment.CpuModel,
                environment.Cores, environment.Os, environment.Runtime, environment.Configuration, environment.Profile,
                record.P50Ms, record.P95Ms, record.P99Ms, record.ThroughputPerSecond, record.ErrorRate, record.Requests, record.Histogram,
            ];
            var names = new string[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                names[i] = "@p" + i.ToString(CultureInfo.InvariantCulture);
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[i];
                parameter.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            command.CommandText = $"INSERT INTO {HistorySchema.RunsTable} ({HistorySchema.Columns}) VALUES ({string.Join(", ", names)})";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private HistoryRecord Read(DbDataReader reader)
    {
        var environment = new HistoryEnvironment(reader.GetString(6), reader.GetInt32(7), reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetString(11));
        return new HistoryRecord(reader.GetString(1), reader.GetString(2), ReadTime(reader, 3), reader.GetString(4), environment,
            reader.GetDouble(12), reader.GetDouble(13), reader.GetDouble(14), reader.GetDouble(15), reader.GetDouble(16), reader.GetInt64(17),
            reader.IsDBNull(18) ? null : reader.GetString(18))
        {
            Id = reader.GetInt64(0),
        };
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
