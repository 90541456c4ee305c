using System.CommandLine;
using System.Globalization;
using PerfTesting.Cli.Storage;
using PerfTesting.Distribution;
using PerfTesting.Distribution.Fit;
using PerfTesting.Reporting.Exporters;

namespace PerfTesting.Cli.Merge;

/// <summary>
/// <c>perftest merge</c>: reads every agent's result from a directory or an S3 prefix, merges them
/// (<see cref="ResultMerger"/>), evaluates the SLA on the merged whole and writes the usual reports.
/// Exit code 0: merged and every SLA passed; 1: an SLA failed; 2: refused (the message says why).
/// </summary>
public static class MergeCommand
{
    /// <summary>The verb.</summary>
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The agents' results: a directory or s3://bucket/prefix.", Required = true };
        var output = new Option<string>("--out") { Description = "Where the merged reports go: a directory or s3://bucket/prefix.", DefaultValueFactory = _ => "perf-merged" };
        var sla = new Option<string[]>("--sla") { Description = "SLA lines on the merged run: p99<250ms, error-rate<1%, throughput>100, dropped<0.1%.", AllowMultipleArgumentsPerToken = true };
        var allowPartial = new Option<bool>("--allow-partial") { Description = "Merge even when segments are missing (the report says which)." };
        var title = new Option<string?>("--title") { Description = "The report's heading (default: the test id)." };
        var misfits = new Option<bool>("--merge-misfits") { Description = "Merge even parts that do not fit (windows that do not overlap, different builds); the reason heads the report." };
        var lateness = new Option<double>("--max-start-lateness")
        {
            Description = "Seconds an agent may start after the shared start before the merge warns.",
            DefaultValueFactory = _ => MergeChecks.DefaultMaxStartLateness.TotalSeconds,
        };
        var command = new Command("merge", "Merge distributed agents' results into one report, losslessly, and evaluate SLAs on the whole.")
        {
            from, output, sla, allowPartial, title, misfits, lateness,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(lateness);
            if (!(seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"perftest merge: --max-start-lateness {seconds} must be a number of seconds, 0 or more."));
                return Task.FromResult(ExitCodes.Refused);
            }

            var checks = new MergeChecks { MergeMisfits = parse.GetValue(misfits), MaxStartLateness = TimeSpan.FromSeconds(seconds) };
            return RunAsync(parse.GetValue(from)!, parse.GetValue(output)!, parse.GetValue(sla) ?? [], parse.GetValue(allowPartial), parse.GetValue(title), Console.Out, Console.Error, cancellationToken, checks);
        });
        return command;
    }

    /// <summary>Runs the merge.</summary>
    /// <param name="from">Directory or s3://bucket/prefix of the agents' results.</param>
    /// <param name="output">The report directory.</param>
    /// <param name="slaLines">SLA lines.</param>
    /// <param name="allowPartial">Merge a partial run.</param>
    /// <param name="title">Report heading.</param>
    /// <param name="stdout">Summary output.</param>
    /// <param name="stderr">Refusals.</param>
    /// <param name="cancellationToken">Stops the merge.</param>
    /// <param name="checks">How the parts must fit; <see cref="MergeChecks.Default"/> when null.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(
        string from, string output, IReadOnlyList<string> slaLines, bool allowPartial, string? title, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken,
        MergeChecks? checks = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? staging = null;
        try
        {
            var sla = slaLines.Count > 0 ? SlaText.Parse(slaLines) : null;
            var location = ResultLocation.Parse(from);
            var directory = location.Directory;
            if (location.IsS3)
            {
                staging = directory = Directory.CreateTempSubdirectory("perftest-merge-").FullName;
                using var store = S3ResultStore.FromEnvironment();
                await store.DownloadAsync(location, directory, cancellationToken).ConfigureAwait(false);
            }

            var agents = await AgentResultFiles.ReadAllAsync(directory!, cancellationToken).ConfigureAwait(false);
            if (agents.Count == 0)
            {
                throw new ResultMergeException($"No {AgentResultFiles.AgentFileName} under {location}: no agent wrote its result there.");
            }

            var merged = ResultMerger.Merge(agents, allowPartial, checks);
            foreach (var finding in merged.Findings)
            {
                // First on the console, as first in the report: what to doubt before reading a figure.
                await stdout.WriteLineAsync(finding.ToString()).ConfigureAwait(false);
            }

            var slaReports = sla is null ? null : merged.EvaluateSla(sla);
            var report = merged.ToReport(title, slaReports);
            var target = ResultLocation.Parse(output);
            IReadOnlyList<string> written;
            if (target.IsS3)
            {
                var reports = Path.Combine(staging ??= Directory.CreateTempSubdirectory("perftest-merge-").FullName, "merged-reports");
                await ReportWriter.All.WriteAsync(report, reports, cancellationToken).ConfigureAwait(false);
                using var store = S3ResultStore.FromEnvironment();
                written = [.. (await store.UploadAsync(reports, target, string.Empty, cancellationToken).ConfigureAwait(false)).Select(k => $"s3://{target.Bucket}/{k}")];
            }
            else
            {
                written = await ReportWriter.All.WriteAsync(report, output, cancellationToken).ConfigureAwait(false);
            }
            foreach (var run in merged.Runs)
            {
                var r = run.Merged;
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Name}: {merged.AgentCount} agents, {r.Totals.Started} started, {r.Totals.Failed} failed, {r.Totals.Dropped} dropped, {r.RequestsPerSecond:0.#} req/s, p50 {r.Latency.P50:0.###} ms, p99 {r.Latency.P99:0.###} ms, max {r.Latency.Max:0.###} ms")).ConfigureAwait(false);
            }

            foreach (var note in report.Notes.Skip(merged.Findings.Count))
            {
                await stdout.WriteLineAsync(note).ConfigureAwait(false);
            }

            foreach (var slaReport in slaReports ?? [])
            {
                await stdout.WriteLineAsync(slaReport.ToTable()).ConfigureAwait(false);
            }

            await stdout.WriteLineAsync("reports: " + string.Join(", ", written)).ConfigureAwait(false);
            return slaReports is not null && slaReports.Any(s => !s.Passed) ? ExitCodes.SlaFailed : ExitCodes.Success;
        }
        catch (Exception e) when (e is ResultMergeException or ArgumentException or InvalidDataException or DirectoryNotFoundException)
        {
            await stderr.WriteLineAsync("perftest merge: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Refused;
        }
        finally
        {
            if (staging is not null)
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
