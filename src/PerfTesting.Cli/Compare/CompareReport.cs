using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Gate;
using PerfTesting.Reporting.Comparison;

namespace PerfTesting.Cli.Compare;

/// <summary>
/// The command's report folder: report.md (the PR comment: the gate's decision on its first line, then
/// the CPU figures and warnings, then every comparison), report.html, and results.json (schema
/// perftesting.compare/v1: the decision, the CPU figures, and each comparison's own results.json).
/// </summary>
internal static class CompareReport
{
    /// <summary>The JSON schema name of results.json.</summary>
    public const string SchemaName = "perftesting.compare/v1";

    /// <summary>Decides the gate from the comparisons' verdict files and the tests' exit code, and writes the reports.</summary>
    public static async Task<GateDecision> WriteAsync(CompareSettings settings, string aLabel, string bLabel, string comparisonsDirectory, CpuUse cpu, int testsExit, CancellationToken cancellationToken)
    {
        var folders = Directory.Exists(comparisonsDirectory) ? Directory.GetDirectories(comparisonsDirectory).Order(StringComparer.Ordinal).ToList() : [];
        var found = new List<(string Folder, Verdict Overall, JsonNode Results)>();
        foreach (var folder in folders.Where(f => File.Exists(Path.Combine(f, "results.json"))))
        {
            var node = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "results.json"), cancellationToken).ConfigureAwait(false))!;
            var overall = node["comparison"]?["overall"]?.GetValue<string>();
            found.Add((folder, Enum.TryParse<Verdict>(overall, out var v) ? v : Verdict.Inconclusive, node));
        }

        var overallVerdict = found.Any(c => c.Overall == Verdict.Regressed) ? Verdict.Regressed
            : found.Any(c => c.Overall == Verdict.Inconclusive) ? Verdict.Inconclusive
            : found.Any(c => c.Overall == Verdict.Improved) ? Verdict.Improved
            : Verdict.Same;
        var decision = found.Count == 0
            ? GateDecision.CouldNotRun(settings.Tests is null ? "the built-in workload wrote no comparison." : $"the perf tests (exit {testsExit}) wrote no comparison: does the --filter match a test, and does it run its load through PerfTarget (PerfTesting.Xunit)?")
            : testsExit != 0 && overallVerdict != Verdict.Regressed
                ? GateDecision.CouldNotRun($"the perf tests failed (exit {testsExit}) without a Regressed verdict; see run.log.")
                : GateDecision.Of(overallVerdict, settings.Policy);
        var generator = settings.Tests is null ? cpu.GeneratorCpu : found.Select(c => CompareOutput.ReadGeneratorCpu(c.Folder)).Aggregate((TimeSpan?)TimeSpan.Zero, (sum, g) => sum + g);
        cpu = cpu with { GeneratorCpu = generator };

        var md = new StringBuilder();
        md.Append("**").Append(decision.Headline).Append("** Inconclusive policy: `--inconclusive ").Append(settings.Policy.ToString().ToLowerInvariant()).Append("`.\n\n");
        md.Append(CultureInfo.InvariantCulture, $"A = {aLabel}; B = {bLabel}. Both built in Release and run as their own processes on this machine, {(settings.Schedule == ABSchedule.Duet ? "at the same time in each round (duet)" : "one at a time in each round (interleaved, the order balanced)")}.\n\n");
        foreach (var line in cpu.Lines())
        {
            md.Append("- ").Append(line).Append('\n');
        }

        foreach (var (folder, _, _) in found)
        {
            md.Append('\n').Append(await File.ReadAllTextAsync(Path.Combine(folder, "report.md"), cancellationToken).ConfigureAwait(false));
        }

        await File.WriteAllTextAsync(Path.Combine(settings.Out, "report.md"), md.ToString(), cancellationToken).ConfigureAwait(false);

        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>perftest compare</title><style>body{font-family:sans-serif;margin:24px}iframe{width:100%;height:1100px;border:1px solid #ccc}</style></head><body>");
        html.Append("<h1>").Append(E(decision.Headline)).Append("</h1><p>").Append(E($"A = {aLabel}; B = {bLabel}. Inconclusive policy: {settings.Policy.ToString().ToLowerInvariant()}.")).Append("</p><ul>");
        foreach (var line in cpu.Lines())
        {
            html.Append("<li>").Append(E(line)).Append("</li>");
        }

        html.Append("</ul>");
        foreach (var (folder, _, _) in found)
        {
            var inner = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"), cancellationToken).ConfigureAwait(false);
            html.Append("<iframe title=\"").Append(E(Path.GetFileName(folder))).Append("\" srcdoc=\"").Append(E(inner)).Append("\"></iframe>");
        }

        html.Append("</body></html>");
        await File.WriteAllTextAsync(Path.Combine(settings.Out, "report.html"), html.ToString(), cancellationToken).ConfigureAwait(false);

        var results = new JsonObject
        {
            ["schema"] = SchemaName,
            ["outcome"] = decision.Outcome.ToString(),
            ["exitCode"] = (int)decision.Outcome,
            ["headline"] = decision.Headline,
            ["verdict"] = found.Count == 0 ? null : overallVerdict.ToString(),
            ["policy"] = settings.Policy.ToString(),
            ["a"] = aLabel,
            ["b"] = bLabel,
            ["cpu"] = new JsonObject
            {
                ["seconds"] = cpu.Seconds,
                ["cores"] = cpu.Cores,
                ["aCpuSeconds"] = cpu.ACpu.TotalSeconds,
                ["bCpuSeconds"] = cpu.BCpu.TotalSeconds,
                ["generatorCpuSeconds"] = cpu.GeneratorCpu?.TotalSeconds,
                ["machineBusy"] = cpu.MachineBusy,
                ["warnings"] = new JsonArray([.. cpu.Lines().Skip(1).Select(l => (JsonNode?)JsonValue.Create(l))]),
            },
            ["comparisons"] = new JsonArray([.. found.Select(c => c.Results.DeepClone())]),
        };
        await File.WriteAllTextAsync(Path.Combine(settings.Out, "results.json"), results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken).ConfigureAwait(false);
        return decision;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
