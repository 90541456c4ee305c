using System.CommandLine;
using PerfTesting.Reporting.Exporters;

namespace PerfTesting.Cli.Report;

/// <summary><c>perftest report</c>: renders a results.json (schema perftesting.report/v1) as JSON, Markdown, HTML and an HdrHistogram log.</summary>
public static class ReportCommand
{
    /// <summary>The verb.</summary>
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "A results.json written by PerfTesting.", Required = true };
        var output = new Option<string>("--out") { Description = "The report directory.", DefaultValueFactory = _ => "perf-report" };
        var command = new Command("report", "Render a results.json as Markdown, HTML and an HdrHistogram log.") { from, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var input = File.OpenRead(parse.GetValue(from)!);
                await using (input.ConfigureAwait(false))
                {
                    var report = await JsonReportExporter.Full.ReadAsync(input, cancellationToken).ConfigureAwait(false);
                    var written = await ReportWriter.All.WriteAsync(report, parse.GetValue(output)!, cancellationToken).ConfigureAwait(false);
                    Console.WriteLine("reports: " + string.Join(", ", written));
                    return ExitCodes.Success;
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync("perftest report: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Refused;
            }
        });
        return command;
    }
}
