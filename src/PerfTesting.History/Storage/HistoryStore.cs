using Npgsql;

namespace PerfTesting.History.Storage;

/// <summary>Opens a history store from a URI: <c>sqlite:PATH</c> or a plain file path (the default), or <c>postgres://user:password@host:port/database</c>.</summary>
public static class HistoryStore
{
    /// <summary>Opens the store, creating or migrating its schema; refuses a foreign, corrupt or newer database without writing to it.</summary>
    /// <param name="uri">The store's URI or a file path.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="HistoryStoreException">The URI or the database cannot be used; the message says why.</exception>
    public static async Task<IHistoryStore> OpenAsync(string uri, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw new HistoryStoreException("No history store given: pass a SQLite file (sqlite:artifacts/history.db or a path) or postgres://user:password@host:port/database.");
        }

        if (uri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return await PostgresHistoryStore.OpenAsync(PostgresConnectionString(uri), cancellationToken).ConfigureAwait(false);
        }

        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = uri["sqlite:".Length..];
            path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
            return await SqliteHistoryStore.OpenAsync(path.Length > 0 ? path : throw new HistoryStoreException("sqlite: needs a file path, e.g. sqlite:artifacts/history.db."), cancellationToken).ConfigureAwait(false);
        }

        if (uri.Contains("://", StringComparison.Ordinal))
        {
            throw new HistoryStoreException($"Unsupported history store '{uri.Split("://")[0]}://': use sqlite:PATH, a file path, or postgres://.");
        }

        return await SqliteHistoryStore.OpenAsync(uri, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns <c>postgres://user:password@host:port/database?sslmode=require</c> into an Npgsql connection string.</summary>
    /// <param name="uri">The URI.</param>
    /// <returns>The connection string.</returns>
    public static string PostgresConnectionString(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Host.Length == 0)
        {
            throw new HistoryStoreException("Not a PostgreSQL URI (expected postgres://user:password@host:port/database).");
        }

        var database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/'));
        if (database.Length == 0)
        {
            throw new HistoryStoreException("The PostgreSQL URI names no database (postgres://user:password@host:port/DATABASE).");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = parsed.Host, Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5432 : parsed.Port, Database = database };
        if (parsed.UserInfo.Length > 0)
        {
            var parts = parsed.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v)) : (pair, "");
            try
            {
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
            }
            catch (ArgumentException e)
            {
                throw new HistoryStoreException($"The PostgreSQL URI has a parameter Npgsql does not know: {key} ({e.Message}).", e);
            }
        }

        return builder.ConnectionString;
    }
}
