namespace PerfTesting.History.Storage;

/// <summary>
/// The tables, as numbered migrations per dialect. A database records the application name and the
/// version it is at in <c>perftesting_history_meta</c>; opening one migrates it forward, and one
/// written by a newer version (or by another application) is refused, never rewritten.
/// </summary>
internal static class HistorySchema
{
    /// <summary>The value of the <c>application</c> row that marks a database as ours.</summary>
    public const string Application = "perftesting.history";

    /// <summary>The table of markers.</summary>
    public const string MetaTable = "perftesting_history_meta";

    /// <summary>The table of records.</summary>
    public const string RunsTable = "perftesting_history_runs";

    /// <summary>Version 1: the records; version 2: the index the analysis reads series by.</summary>
    public static IReadOnlyList<string> Sqlite { get; } =
    [
        $"""
        CREATE TABLE {RunsTable} (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          commit_sha TEXT NOT NULL, branch TEXT NOT NULL, recorded_at TEXT NOT NULL, scenario TEXT NOT NULL,
          env_key TEXT NOT NULL, cpu_model TEXT NOT NULL, cores INTEGER NOT NULL, os TEXT NOT NULL, runtime TEXT NOT NULL,
          configuration TEXT NOT NULL, profile TEXT NOT NULL,
          p50_ms REAL NOT NULL, p95_ms REAL NOT NULL, p99_ms REAL NOT NULL, throughput REAL NOT NULL, error_rate REAL NOT NULL,
          requests INTEGER NOT NULL, histogram TEXT NULL)
        """,
        $"CREATE INDEX ix_{RunsTable}_series ON {RunsTable} (scenario, env_key, id)",
    ];

    /// <summary>The same versions for PostgreSQL.</summary>
    public static IReadOnlyList<string> Postgres { get; } =
    [
        $"""
        CREATE TABLE {RunsTable} (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          commit_sha text NOT NULL, branch text NOT NULL, recorded_at timestamptz NOT NULL, scenario text NOT NULL,
          env_key text NOT NULL, cpu_model text NOT NULL, cores integer NOT NULL, os text NOT NULL, runtime text NOT NULL,
          configuration text NOT NULL, profile text NOT NULL,
          p50_ms double precision NOT NULL, p95_ms double precision NOT NULL, p99_ms double precision NOT NULL,
          throughput double precision NOT NULL, error_rate double precision NOT NULL,
          requests bigint NOT NULL, histogram text NULL)
        """,
        $"CREATE INDEX ix_{RunsTable}_series ON {RunsTable} (scenario, env_key, id)",
    ];

    /// <summary>The version this library writes: the number of migrations.</summary>
    public static int CurrentVersion => Sqlite.Count;

    /// <summary>The columns written and read, in order (id excluded).</summary>
    public const string Columns = "commit_sha, branch, recorded_at, scenario, env_key, cpu_model, cores, os, runtime, configuration, profile, p50_ms, p95_ms, p99_ms, throughput, error_rate, requests, histogram";
}
