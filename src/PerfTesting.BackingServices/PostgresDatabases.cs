using Npgsql;

namespace PerfTesting.BackingServices;

/// <summary>Creates isolated databases on a PostgreSQL server.</summary>
public static class PostgresDatabases
{
    /// <summary>Creates <paramref name="database"/> if it does not exist and returns a connection string to it.</summary>
    /// <param name="serverConnectionString">A connection string whose user may create databases.</param>
    /// <param name="database">Lowercase letters, digits and '_' only (see <see cref="IsolatedNames"/>).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The connection string to the new database.</returns>
    public static async Task<string> CreateAsync(string serverConnectionString, string database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Length is 0 or > 63 || !database.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{database}' is not a plain database name (lowercase letters, digits, '_', at most 63).", nameof(database));
        }

        var dataSource = NpgsqlDataSource.Create(serverConnectionString);
        await using (dataSource.ConfigureAwait(false))
        {
            var exists = dataSource.CreateCommand("SELECT 1 FROM pg_database WHERE datname = $1");
            await using (exists.ConfigureAwait(false))
            {
                exists.Parameters.Add(new NpgsqlParameter { Value = database });
                if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
                {
                    // The name was checked above: identifiers cannot be bound as parameters.
                    var create = dataSource.CreateCommand($"CREATE DATABASE \"{database}\"");
                    await using (create.ConfigureAwait(false))
                    {
                        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
    }
}
