using Registry.Hosting;
using Registry.Resilience;

namespace Registry.Reset;

/// <summary>
/// A row in PostgreSQL that says "a reset started and has not finished". Written before the first
/// deletion and removed after the last, so a reset cut short (a service down, the process killed) is
/// found and finished by the next reset or the next start.
/// </summary>
internal sealed class ResetMarker(BackingServiceClients clients, BackingServiceGuards guards)
{
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("CREATE TABLE IF NOT EXISTS registry_state (name text PRIMARY KEY, value text NOT NULL)", cancellationToken);

    public Task SetPendingAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO registry_state (name, value) VALUES ('reset', 'pending') ON CONFLICT (name) DO UPDATE SET value = 'pending'", cancellationToken);

    public Task ClearAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM registry_state WHERE name = 'reset'", cancellationToken);

    public Task<bool> IsPendingAsync(CancellationToken cancellationToken) =>
        guards.Postgres.CallAsync(async ct =>
        {
            await using var command = clients.Postgres.CreateCommand("SELECT count(*) FROM registry_state WHERE name = 'reset'");
            return (long)(await command.ExecuteScalarAsync(ct))! > 0;
        }, cancellationToken);

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken) =>
        guards.Postgres.CallAsync(async ct =>
        {
            await using var command = clients.Postgres.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
}
