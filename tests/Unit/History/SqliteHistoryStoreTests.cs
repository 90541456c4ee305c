using Microsoft.Data.Sqlite;
using PerfTesting.History.Storage;

namespace Tests.Unit.History;

public sealed class SqliteHistoryStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("perftest-history-").FullName;

    private string DbPath => Path.Combine(_root, "history.db");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AppendThenRead_RoundTripsEveryField()
    {
        var ct = TestContext.Current.CancellationToken;
        var written = new[] { HistoryTestRecords.Record(1), HistoryTestRecords.Record(2, "upload", 12.5) };

        await using (var store = await HistoryStore.OpenAsync("sqlite:" + DbPath, ct))
        {
            await store.AppendAsync(written, ct);
        }

        await using var reopened = await HistoryStore.OpenAsync(DbPath, ct);
        var read = await reopened.ReadAllAsync(ct);
        Assert.Equal(2, read.Count);
        Assert.True(read[0].Id < read[1].Id);
        Assert.Equal(written[0] with { Id = read[0].Id }, read[0]);
        Assert.Equal(written[1] with { Id = read[1].Id }, read[1]);
    }

    [Fact]
    public async Task Open_MigratesAVersion1File_ForwardAndKeepsItsRows()
    {
        var ct = TestContext.Current.CancellationToken;
        // A file as version 1 left it: the runs table and one row, no series index.
        await ScalarAsync(HistorySchema.Sqlite[0] + ";" +
            "CREATE TABLE perftesting_history_meta (key text PRIMARY KEY, value text NOT NULL);" +
            "INSERT INTO perftesting_history_meta VALUES ('application', 'perftesting.history'), ('schema_version', '1');" +
            $"INSERT INTO perftesting_history_runs ({HistorySchema.Columns}) VALUES ('abc123', 'main', '2026-12-01T10:00:00.0000000+00:00', 'download', 'k', 'cpu', 2, 'Linux', '.NET 10', 'Release', 'ci', 10, 20, 30, 500, 0, 5000, NULL);", ct);

        await using var store = await HistoryStore.OpenAsync(DbPath, ct);
        await store.AppendAsync([HistoryTestRecords.Record(3)], ct);

        Assert.Equal(HistorySchema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync("SELECT value FROM perftesting_history_meta WHERE key = 'schema_version'", ct));
        Assert.Equal("1", await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_perftesting_history_runs_series'", ct));
        var read = await store.ReadAllAsync(ct);
        Assert.Equal(["abc123", "commit0003"], read.Select(r => r.Commit));
        Assert.Equal((10, 500, 5000L), (read[0].P50Ms, read[0].ThroughputPerSecond, read[0].Requests));
    }

    [Fact]
    public async Task Open_AFileThatIsNotSqlite_IsRefusedAndLeftByteForByte()
    {
        var ct = TestContext.Current.CancellationToken;
        var content = "name,p50\ndownload,10\n"u8.ToArray();
        await File.WriteAllBytesAsync(DbPath, content, ct);

        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => HistoryStore.OpenAsync(DbPath, ct));

        Assert.Contains("is not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllBytesAsync(DbPath, ct));
    }

    [Fact]
    public async Task Open_ACorruptHistory_IsRefusedAndLeftByteForByte()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var store = await HistoryStore.OpenAsync(DbPath, ct))
        {
            await store.AppendAsync([.. Enumerable.Range(0, 50).Select(i => HistoryTestRecords.Record(i))], ct);
        }

        // Keep the header, overwrite the pages after the first with garbage.
        var bytes = await File.ReadAllBytesAsync(DbPath, ct);
        new Random(30).NextBytes(bytes.AsSpan(4096));
        await File.WriteAllBytesAsync(DbPath, bytes, ct);

        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => HistoryStore.OpenAsync(DbPath, ct));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(DbPath, ct));
    }

    [Fact]
    public async Task Open_ASqliteFileOfAnotherApplication_IsRefusedAndLeftByteForByte()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id integer primary key, total real); INSERT INTO invoices VALUES (1, 9.5);";
            await command.ExecuteNonQueryAsync(ct);
        }

        var before = await File.ReadAllBytesAsync(DbPath, ct);

        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => HistoryStore.OpenAsync(DbPath, ct));

        Assert.Contains("invoices", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(DbPath, ct));
    }

    [Fact]
    public async Task Open_AHistoryFromANewerVersion_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await (await HistoryStore.OpenAsync(DbPath, ct)).DisposeAsync();
        await ScalarAsync("UPDATE perftesting_history_meta SET value = '99' WHERE key = 'schema_version'", ct);
        var before = await File.ReadAllBytesAsync(DbPath, ct);

        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => HistoryStore.OpenAsync(DbPath, ct));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(DbPath, ct));
    }

    [Fact]
    public async Task ConcurrentWriters_OnANewFile_LoseNoRecord()
    {
        var ct = TestContext.Current.CancellationToken;
        const int writers = 6, batches = 5, perBatch = 4;

        // Each writer opens its own store on the same new file (so the first ones race to create the schema) and appends batches.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var store = await HistoryStore.OpenAsync(DbPath, ct);
            for (var b = 0; b < batches; b++)
            {
                await store.AppendAsync([.. Enumerable.Range(0, perBatch).Select(i => HistoryTestRecords.Record(w * 1000 + b * 10 + i, $"writer{w}"))], ct);
            }
        }, ct)));

        await using var reader = await HistoryStore.OpenAsync(DbPath, ct);
        var all = await reader.ReadAllAsync(ct);
        Assert.Equal(writers * batches * perBatch, all.Count);
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
        Assert.All(Enumerable.Range(0, writers), w => Assert.Equal(batches * perBatch, all.Count(r => r.Scenario == $"writer{w}")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("mysql://host/db")]
    [InlineData("postgres://host")]
    [InlineData("sqlite:")]
    public async Task Open_ABadUri_SaysWhatIsExpected(string uri)
    {
        var error = await Assert.ThrowsAsync<HistoryStoreException>(() => HistoryStore.OpenAsync(uri, TestContext.Current.CancellationToken));

        Assert.NotEmpty(error.Message);
    }

    [Fact]
    public void PostgresUri_BecomesAnNpgsqlConnectionString()
    {
        var connectionString = HistoryStore.PostgresConnectionString("postgres://perf%40ci:p%3Ass@db.example:6543/history?sslmode=require");

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(("db.example", 6543, "history", "perf@ci", "p:ss", Npgsql.SslMode.Require),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
    }

    private async Task<string?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
