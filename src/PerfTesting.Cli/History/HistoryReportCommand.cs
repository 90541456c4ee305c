using System.CommandLine;
using PerfTesting.History.Rendering;

namespace PerfTesting.Cli.History;

/// <summary><c>perftest history report</c>: history.html (trend charts, change points marked), history.md (for $GITHUB_STEP_SUMMARY) and history.json.</summary>
public static class HistoryReportCommand
{
    /// <summary>The subcommand.</summary>
    public static Command Create()
    {
        var db = HistoryCommand.DbOption();
        var output = new Option<string>("--out") { Description = "The directory for history.html, history.md and history.json.", Required = true };
        var last = new Option<int>("--last") { Description = "Newest runs counted as recent in the summary.", DefaultValueFactory = _ => HistoryAnalyzeCommand.DefaultLast };
        var branch = new Option<string?>("--branch") { Description = "Only this branch's runs (default: all)." };
        var command = new Command("report", "Render the history as an HTML trend page and a Markdown summary.") { db, output, last, branch };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(db)!, parse.GetValue(output)!, parse.GetValue(last), parse.GetValue(branch), TimeProvider.System, Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>Writes the reports.</summary>
    /// <param name="db">The store's URI.</param>
    /// <param name="outputDirectory">Where.</param>
    /// <param name="last">Newest runs counted as recent.</param>
    /// <param name="branch">Only this branch, or null.</param>
    /// <param name="time">The clock for the page's date.</param>
    /// <param name="stdout">The files written.</param>
    /// <param name="stderr">Refusals.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>0, or 2 on bad input.</returns>
    public static Task<int> RunAsync(string db, string outputDirectory, int last, string? branch, TimeProvider time, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        HistoryCommand.GuardAsync("report", stderr, async () =>
        {
            ArgumentNullException.ThrowIfNull(stdout);
            ArgumentNullException.ThrowIfNull(time);
            ArgumentOutOfRangeException.ThrowIfLessThan(last, 1, "--last");
            var analysis = await HistoryAnalyzeCommand.LoadAsync(db, branch, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(outputDirectory);
            var html = Path.Combine(outputDirectory, "history.html");
            var markdown = Path.Combine(outputDirectory, "history.md");
            var json = Path.Combine(outputDirectory, "history.json");
            await File.WriteAllTextAsync(html, HistoryHtmlWriter.Render(analysis, last, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(markdown, HistoryTextWriter.Markdown(analysis, last), cancellationToken).ConfigureAwait(false);
            var output = File.Create(json);
            await using (output.ConfigureAwait(false))
            {
                await HistoryJsonWriter.WriteAsync(analysis, output, cancellationToken).ConfigureAwait(false);
            }

            await stdout.WriteLineAsync($"history reports: {html}, {markdown}, {json}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
}
