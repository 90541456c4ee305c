using System.CommandLine;
using PerfTesting.History.Storage;

namespace PerfTesting.Cli.History;

/// <summary><c>perftest history</c>: record runs into a history store, find change points, render the trend page.</summary>
public static class HistoryCommand
{
    /// <summary>The verb with its record, analyze and report subcommands.</summary>
    public static Command Create() => new("history", "Keep every run's figures in a history (SQLite or PostgreSQL) and find where they changed.")
    {
        HistoryRecordCommand.Create(),
        HistoryAnalyzeCommand.Create(),
        HistoryReportCommand.Create(),
    };

    /// <summary>The --db option every subcommand takes.</summary>
    internal static Option<string> DbOption() => new("--db")
    {
        Description = "The history: a SQLite file (sqlite:PATH or a path) or postgres://user:password@host:port/database.",
        Required = true,
    };

    /// <summary>Runs a subcommand, turning bad input into exit code 2 with a message on stderr.</summary>
    internal static async Task<int> GuardAsync(string verb, TextWriter stderr, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception e) when (e is HistoryStoreException or IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException or ArgumentException)
        {
            await stderr.WriteLineAsync($"perftest history {verb}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Refused;
        }
    }
}
