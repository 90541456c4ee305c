using Npgsql;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Fixtures;
using PerfTesting.History.Analysis;
using PerfTesting.History.Records;
using PerfTesting.History.Storage;
using Tests.Integration.BackingServices;
using PerfTesting.Metrics;

namespace Tests.Integration.History;

/// <summary>The PostgreSQL history store on a real server from every provider: round trip, migration, refusal, concurrent writers, analysis.</summary>
public sealed class PostgresHistoryStoreTests(BackingServicesFixture fixture)
{
    private static readonly HistoryEnvironment Machine = new("Test CPU", 2, "Linux 6", ".NET 10.0.12", "Release", "ci");

    public static TheoryData<BackingServiceKind> Providers =>
        [BackingServiceKind.LocalProcesses, BackingServiceKind.Containers, BackingServiceKind.External];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwelveRecords_RoundTrip_AndTheirStepIsFound(BackingServiceKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var uri = await NewDatabaseUriAsync(kind, ct);
        var written = Enumerable.Range(1, 12).Select(n => Record(n, n <= 6 ? 10 : 13)).ToList();

        await using (var store = await HistoryStore.OpenAsync(uri, ct))
        {
            await store.AppendAsync(written, ct);
        }

        await using var reopened = await HistoryStore.OpenAsync(uri, ct);
        var read = await reopened.ReadAllAsync(ct);
        Assert.Equal(written, read.Select(r => r with { Id = 0 }));
        var p50 = new HistoryAnalyzer().Analyze(read).Series.Single(s => s.Metric == PerfMetric.P50);
        Assert.Equal(("commit0007", true), (Assert.Single(p50.ChangePoints).Commit, p50.ChangePoints[0].IsRegression));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AVersion1Database_IsMigratedForward_AndAnotherApplicationsIsRefused(BackingServiceKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (uri, connectionString) = await NewDatabaseAsync(kind, ct);
        await ExecuteAsync(connectionString, HistorySchema.Postgres[0] + ";" +
            "CREATE TABLE perftesting_history_meta (key text PRIMARY KEY, value text NOT NULL);" +
            "INSERT INTO perftesting_history_meta VALUES ('application', 'perftesting.history'), ('schema_version', '1');", ct);

        await using (var store = await HistoryStore.OpenAsync(uri, ct))
        {
            await store.AppendAsync([Record(1, 10)], ct);
        }

        Assert.Equal("2", await ScalarAsync(connectionString, "SELECT value FROM perftesting_history_meta WHERE key = 'schema_version'", ct));
        Assert.Equal("1", await ScalarAsync(connectionString, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_perftesting_history_runs_series'", ct));

        await ExecuteAsync(connectionString, "UPDATE perftesting_history_meta SET value = 'someone.else' WHERE key = 'application'", ct);
        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => HistoryStore.OpenAsync(uri, ct));
        Assert.Contains("names another application", error.Message, StringComparison.Ordinal);
        Assert.Equal("1", await ScalarAsync(connectionString, "SELECT count(*) FROM perftesting_history_runs", ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentWriters_OnANewDatabase_LoseNoRecord(BackingServiceKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var uri = await NewDatabaseUriAsync(kind, ct);
        const int writers = 6, batches = 5;

        // The first writers race to create the schema; the advisory lock lets one do it.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var store = await HistoryStore.OpenAsync(uri, ct);
            for (var b = 0; b < batches; b++)
            {
                await store.AppendAsync([Record(w * 100 + b, 10) with { Scenario = $"writer{w}" }], ct);
            }
        }, ct)));

        await using var reader = await HistoryStore.OpenAsync(uri, ct);
        var all = await reader.ReadAllAsync(ct);
        Assert.Equal(writers * batches, all.Count);
        Assert.All(Enumerable.Range(0, writers), w => Assert.Equal(batches, all.Count(r => r.Scenario == $"writer{w}")));
    }

    [Fact]
    public async Task AnUnreachableServer_IsAClearError()
    {
        // Port 1 on loopback: nothing listens there.
        var error = await Assert.ThrowsAsync<HistoryStoreException>(() =>
            HistoryStore.OpenAsync("postgres://perf:secret@127.0.0.1:1/history?Timeout=3", TestContext.Current.CancellationToken));

        Assert.Contains("PostgreSQL database history on 127.0.0.1:1 cannot be used", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    private static HistoryRecord Record(int n, double p50) =>
        new($"commit{n:D4}", "main", DateTimeOffset.UnixEpoch.AddHours(n), "download", Machine, p50, p50 * 2, p50 * 3, 900, 0, 10_000, n % 2 == 0 ? "HISTFAAAAB" : null);

    private async Task<string> NewDatabaseUriAsync(BackingServiceKind kind, CancellationToken ct) => (await NewDatabaseAsync(kind, ct)).Uri;

    /// <summary>A fresh database on the provider's server, as a postgres:// URI (what users pass) and as a connection string (for checks).</summary>
    private async Task<(string Uri, string ConnectionString)> NewDatabaseAsync(BackingServiceKind kind, CancellationToken ct)
    {
        var services = await fixture.GetIfAvailableAsync(kind, ct);
        var connectionString = await PostgresDatabases.CreateAsync(services.Endpoints.PostgresConnectionString, IsolatedNames.For<PostgresHistoryStoreTests>().Database, ct);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = Uri.EscapeDataString(builder.Username ?? "");
        var password = string.IsNullOrEmpty(builder.Password) ? "" : ":" + Uri.EscapeDataString(builder.Password);
        return ($"postgres://{user}{password}@{builder.Host}:{builder.Port}/{builder.Database}", connectionString);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
