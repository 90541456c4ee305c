using Npgsql;
using PerfTesting.BackingServices;

namespace BackingServicesTests;

public class PostgresOnlyTests
{
    [Fact]
    public async Task OnlyPostgres_StartsNothingElse()
    {
        var ct = TestContext.Current.CancellationToken;

        // Only PostgreSQL starts (a container where Docker answers, else the machine's server binaries):
        // no Node.js, s3rver, dynalite or Redis is needed for a test that does not ask for them.
        await using var services = await BackingServicesLauncher.StartAsync(BackingService.Postgres, ct);

        await using var connection = new NpgsqlConnection(services.Endpoints.PostgresConnectionString);
        await connection.OpenAsync(ct);
        await using var query = new NpgsqlCommand("SELECT 40 + 2", connection);
        Assert.Equal(42, await query.ExecuteScalarAsync(ct));
        Assert.Equal(BackingService.Postgres, services.Endpoints.Services);
    }
}
