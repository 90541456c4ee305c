using System.CommandLine;
using System.Diagnostics;
using PerfTesting.History.Records;
using PerfTesting.History.Storage;
using PerfTesting.Reporting.Exporters;
using PerfTesting.Reporting.Model;

namespace PerfTesting.Cli.History;

/// <summary><c>perftest history record</c>: one record per run and scenario of a results.json into the store.</summary>
public static class HistoryRecordCommand
{
    /// <summary>The subcommand.</summary>
    public static Command Create()
    {
        var db = HistoryCommand.DbOption();
        var commit = new Option<string?>("--commit") { Description = "The commit measured (default: GITHUB_SHA, else git rev-parse HEAD)." };
        var branch = new Option<string?>("--branch") { Description = "The branch measured (default: GITHUB_REF_NAME, else the current git branch)." };
        var configuration = new Option<string>("--configuration") { Description = "The build configuration measured; part of the environment fingerprint.", DefaultValueFactory = _ => "Release" };
        var results = new Argument<string>("results.json") { Description = "A results.json written by PerfTesting (schema perftesting.report/v1)." };
        var command = new Command("record", "Record a results.json's runs into the history.") { db, commit, branch, configuration, results };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(db)!, parse.GetValue(results)!, parse.GetValue(commit), parse.GetValue(branch),
            parse.GetValue(configuration)!, Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>Records the file.</summary>
    /// <param name="db">The store's URI.</param>
    /// <param name="resultsPath">The results.json.</param>
    /// <param name="commit">The commit, or null for the default.</param>
    /// <param name="branch">The branch, or null for the default.</param>
    /// <param name="configuration">The build configuration.</param>
    /// <param name="stdout">What was recorded.</param>
    /// <param name="stderr">Refusals.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string db, string resultsPath, string? commit, string? branch, string configuration,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) => HistoryCommand.GuardAsync("record", stderr, async () =>
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (!File.Exists(resultsPath))
        {
            throw new IOException($"{resultsPath} does not exist.");
        }

        PerfReport report;
        var input = File.OpenRead(resultsPath);
        await using (input.ConfigureAwait(false))
        {
            report = await JsonReportExporter.Full.ReadAsync(input, cancellationToken).ConfigureAwait(false);
        }

        if (report.Runs is not { Count: > 0 })
        {
            throw new InvalidDataException($"{resultsPath} has no runs to record.");
        }

        commit ??= Environment.GetEnvironmentVariable("GITHUB_SHA") is { Length: > 0 } sha ? sha : Git("rev-parse HEAD") ?? report.Environment.Commit;
        branch ??= Environment.GetEnvironmentVariable("GITHUB_REF_NAME") is { Length: > 0 } name ? name : Git("rev-parse --abbrev-ref HEAD");
        if (string.IsNullOrWhiteSpace(commit) || string.IsNullOrWhiteSpace(branch))
        {
            throw new ArgumentException("No commit or branch: pass --commit and --branch (no GITHUB_SHA/GITHUB_REF_NAME and no git here).");
        }

        var records = HistoryRecords.FromReport(report, commit, branch, configuration);
        var store = await HistoryStore.OpenAsync(db, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            await store.AppendAsync(records, cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync($"recorded {records.Count} runs of {commit[..Math.Min(10, commit.Length)]} ({branch}) into {store.Description}, environment {records[0].Environment.Key}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    });

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on PATH
        }
    }
}
