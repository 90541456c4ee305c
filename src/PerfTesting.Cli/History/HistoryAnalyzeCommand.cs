using System.CommandLine;
using PerfTesting.History.Analysis;
using PerfTesting.History.Rendering;
using PerfTesting.History.Storage;

namespace PerfTesting.Cli.History;

/// <summary><c>perftest history analyze</c>: change points as text (and JSON); exit 1 when a regression is among the last N runs.</summary>
public static class HistoryAnalyzeCommand
{
    /// <summary>Default for --last: a regression in the newest 5 runs fails the step.</summary>
    public const int DefaultLast = 5;

    /// <summary>The subcommand.</summary>
    public static Command Create()
    {
        var db = HistoryCommand.DbOption();
        var last = new Option<int>("--last") { Description = "Exit 1 when a regression change point is among the newest N runs of its series.", DefaultValueFactory = _ => DefaultLast };
        var json = new Option<string?>("--json") { Description = "Also write the analysis as JSON (schema perftesting.history-analysis/v1) to this file." };
        var branch = new Option<string?>("--branch") { Description = "Only this branch's runs (default: all)." };
        var command = new Command("analyze", "Find change points per scenario, metric and environment.") { db, last, json, branch };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(db)!, parse.GetValue(last), parse.GetValue(json), parse.GetValue(branch), Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>Analyses the history.</summary>
    /// <param name="db">The store's URI.</param>
    /// <param name="last">Newest runs that decide the exit code.</param>
    /// <param name="jsonPath">Where to write the JSON, or null.</param>
    /// <param name="branch">Only this branch, or null.</param>
    /// <param name="stdout">The text.</param>
    /// <param name="stderr">Refusals.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>0, 1 when a recent regression was found, 2 on bad input.</returns>
    public static Task<int> RunAsync(string db, int last, string? jsonPath, string? branch, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        HistoryCommand.GuardAsync("analyze", stderr, async () =>
        {
            ArgumentNullException.ThrowIfNull(stdout);
            ArgumentOutOfRangeException.ThrowIfLessThan(last, 1, "--last");
            var analysis = await LoadAsync(db, branch, cancellationToken).ConfigureAwait(false);
            await stdout.WriteAsync(HistoryTextWriter.Text(analysis, last)).ConfigureAwait(false);
            if (jsonPath is not null)
            {
                var output = File.Create(jsonPath);
                await using (output.ConfigureAwait(false))
                {
                    await HistoryJsonWriter.WriteAsync(analysis, output, cancellationToken).ConfigureAwait(false);
                }
            }

            return analysis.RecentRegressions(last).Count > 0 ? ExitCodes.SlaFailed : ExitCodes.Success;
        });

    /// <summary>Reads the store and analyses it.</summary>
    internal static async Task<HistoryAnalysis> LoadAsync(string db, string? branch, CancellationToken cancellationToken)
    {
        var store = await HistoryStore.OpenAsync(db, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var records = await store.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            return new HistoryAnalyzer().Analyze(records, branch);
        }
    }
}
