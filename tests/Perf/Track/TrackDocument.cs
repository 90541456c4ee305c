using System.Globalization;
using System.Text;
using PerfTesting.Analysis;
using PerfTesting.Baselines;
using PerfTesting.Reporting.Model;
using PerfTesting.Metrics;
using Tests.Perf.Track.LambdaVsEcs;
using Tests.Perf.Track.Rounds;

namespace Tests.Perf.Track;

/// <summary>
/// docs/performance-report.md, rendered from the track's results.json and nothing else: every number
/// here is a field of a run in that file (run names are given so each can be looked up), and every
/// conclusion is a finding or a verdict computed by the library.
/// </summary>
internal static class TrackDocument
{
    private static readonly string[] Optimisations =
    [
        DownloadComparisons.Control + " duet" + TrackVerdict.ControlSuffix, "metadata-cache", "large-buffers",
        DownloadComparisons.Control + " interleaved" + TrackVerdict.ControlSuffix, "presigned-urls", "archive-cache",
    ];

    // The runs the cost table compares: the last round of each interleaved download comparison (same 4 MiB workload, a side alone).
    private static readonly string[] CostRuns = [DownloadComparisons.Control + "-round", "presigned-urls", "archive-cache", "postgres-store"];

    public static string Render(PerfReport report, string source)
    {
        var md = new StringBuilder();
        var runs = report.Runs.ToDictionary(r => r.Name);
        RunReport Run(string name) => runs.TryGetValue(name, out var run) ? run : throw new InvalidOperationException($"results.json has no run '{name}'.");
        var baseline = Run("baseline-s3");

        Line(md, $"# Performance report: ACME model registry");
        Line(md, $"");
        Line(md, $"Generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC from `{source}` by `bash run-perf.sh` (the README's main command; it regenerates this file).");
        Line(md, $"Every figure below is a field of the named run in that file. Machine: {report.Environment.CpuModel}, {report.Environment.Cores} cores, {report.Environment.Os}, {report.Environment.Runtime}, commit {report.Environment.Commit ?? "unknown"}.");
        Line(md, $"");
        Line(md, $"## Setup");
        foreach (var note in report.Notes.Where(n => n.StartsWith("profile=", StringComparison.Ordinal)))
        {
            Line(md, $"- {note}");
        }

        Line(md, $"- The registry runs in-process on Kestrel (real sockets on loopback); clients are PerfTesting's closed model, each request reads the whole archive. Process CPU, GC and memory figures therefore cover the registry and the load generator together; s3rver, dynalite and PostgreSQL are separate processes on the same 2 cores.");
        Line(md, $"");
        Line(md, $"## Baseline workload (`baseline-s3`)");
        Line(md, $"{baseline.Description}.");
        Line(md, $"");
        Line(md, $"| metric | value |");
        Line(md, $"|---|---|");
        Line(md, $"| requests (succeeded / failed) | {baseline.Totals.Succeeded} / {baseline.Totals.Failed} |");
        Line(md, $"| throughput | {baseline.ThroughputPerSecond:0.##} requests/s, {baseline.BytesPerSecond / 1048576:0.#} MiB/s |");
        Line(md, $"| latency mean / median / p99 | {baseline.Latency.Mean:0.#} / {baseline.Latency.P50:0.#} / {baseline.Latency.P99:0.#} ms |");
        Line(md, $"| latency min / max | {baseline.Latency.Min:0.#} / {baseline.Latency.Max:0.#} ms |");
        Line(md, $"| error rate | {baseline.ErrorRate:0.####} |");
        Line(md, $"| total bytes | {baseline.Totals.Bytes} |");
        Line(md, $"");
        Line(md, $"White-box, same run:");
        Line(md, $"");
        Line(md, $"| instrument | count | mean | p99 | unit |");
        Line(md, $"|---|---|---|---|---|");
        foreach (var i in baseline.WhiteBox.Where(i => i.Count > 0))
        {
            Line(md, $"| {i.Name} | {i.Count} | {i.Mean:0.####} | {(i.P99 is { } p99 ? p99.ToString("0.####", CultureInfo.InvariantCulture) : "")} | {i.Unit} |");
        }

        Line(md, $"");
        Line(md, $"SLA: {string.Join("; ", baseline.Sla.Select(l => $"{l.Description} {l.Limit}: {l.Actual} ({(l.Passed ? "pass" : "FAIL")})"))}.");
        if (baseline.Baseline is { } committed)
        {
            Line(md, $"Trend record against the committed baseline (tests/Perf/Baselines; informational, not a verdict: one run of {baseline.Totals.Completed} requests against another, on whatever the machine did at each time; the before/after verdicts are the A/B rounds below): {TrendText(committed)}.");
        }

        Line(md, $"");
        Line(md, $"## Bottlenecks (found by the analysers)");
        var bottlenecks = report.Runs.SelectMany(r => r.Findings.Select(f => (Run: r.Name, Finding: f)))
            .Where(x => x.Finding.Severity is "Warning" or "Error").ToList();
        if (bottlenecks.Count == 0)
        {
            Line(md, $"No analyser raised a warning in this run.");
        }

        foreach (var (run, finding) in bottlenecks)
        {
            Line(md, $"- **{finding.Title}** (run `{run}`)");
            foreach (var evidence in finding.Evidence)
            {
                Line(md, $"  - {evidence}");
            }
        }

        var hints = baseline.Findings.Where(f => f.Severity == "Hint").ToList();
        if (hints.Count > 0)
        {
            Line(md, $"");
            Line(md, $"Other observations on `baseline-s3`: {string.Join("; ", hints.Select(h => h.Title))}.");
        }

        Line(md, $"");
        Line(md, $"## Optimisations against the baseline");
        ComparisonSection.Rule(md, report);
        Line(md, $"");
        ComparisonSection.Table(md, report, Optimisations);
        Line(md, $"");
        Line(md, $"## S3 versus PostgreSQL");
        Line(md, $"The same download rounds with the PostgreSQL store as B; the interleaved control is repeated here as the noise floor of this verdict.");
        Line(md, $"");
        ComparisonSection.Table(md, report, ["postgres-store", DownloadComparisons.Control + " interleaved" + TrackVerdict.ControlSuffix]);
        Line(md, $"");
        SharedCacheAndPools(md, report, runs);
        Line(md, $"## Resource cost per byte");
        Line(md, $"Process allocations and CPU (registry and load generator together, as above) per byte received and per request: the headline run, and the last round of each interleaved download comparison (the round workload, a side alone); the resource-cost analyser compares the rounds.");
        Line(md, $"");
        Line(md, $"| run | allocated bytes per byte | allocated bytes per request | CPU s per GB | CPU ms per request |");
        Line(md, $"|---|---|---|---|---|");
        foreach (var cost in new[] { baseline }.Concat(CostRuns.Where(runs.ContainsKey).Select(Run)).Select(CostOf).OfType<ResourceCost>())
        {
            Line(md, $"| `{cost.Run}` | {cost.AllocatedPerByte:0.####} | {cost.AllocatedPerRequest:0} | {cost.CpuSecondsPerGigabyte:0.###} | {cost.CpuMsPerRequest:0.###} |");
        }

        if (report.Tables.Any(t => t.Title.StartsWith(LambdaVsEcsTables.TitlePrefix, StringComparison.Ordinal)))
        {
            LambdaVsEcsSection.Render(md, report);
        }
        else
        {
            Line(md, $"");
            Line(md, $"## Lambda versus ECS");
            Line(md, $"Measured by the extended profile only (`PERF_PROFILE=extended bash run-perf.sh`, about 50 s more), to keep the main job within 10 minutes; not in this run.");
        }

        WholeApi.WholeApiDocument.Render(md, report);

        Line(md, $"");
        Line(md, $"## Load shapes");
        Line(md, $"### Concurrency sweep");
        Line(md, $"| clients | requests/s | MiB/s | p50 ms | p99 ms | errors |");
        Line(md, $"|---|---|---|---|---|---|");
        var sweep = report.Runs.Where(r => r.Name.StartsWith("sweep-", StringComparison.Ordinal)).ToList();
        foreach (var run in sweep)
        {
            Line(md, $"| {Clients(run.Name)} | {run.ThroughputPerSecond:0.##} | {run.BytesPerSecond / 1048576:0.#} | {run.Latency.P50:0.#} | {run.Latency.P99:0.#} | {run.Totals.Failed} |");
        }

        foreach (var finding in sweep.SelectMany(r => r.Findings))
        {
            Line(md, $"");
            Line(md, $"{finding.Title}.");
        }

        var spike = Run("spike");
        Line(md, $"");
        Line(md, $"### Spike (`spike`)");
        Line(md, $"{spike.Description}: {spike.Totals.Succeeded} succeeded, {spike.Totals.Failed} failed, p50 {spike.Latency.P50:0.#} ms, p99 {spike.Latency.P99:0.#} ms, max {spike.Latency.Max:0.#} ms. Per-second p99 (ms): {string.Join(" ", spike.Series.Select(s => s.P99Ms.ToString("0", CultureInfo.InvariantCulture)))}.");
        var soak = Run("soak");
        Line(md, $"");
        Line(md, $"### Soak (`soak`)");
        Line(md, $"{soak.Description}: {soak.ThroughputPerSecond:0.##} requests/s, p99 {soak.Latency.P99:0.#} ms, {soak.Totals.Failed} failed.");
        foreach (var finding in soak.Findings)
        {
            Line(md, $"- {finding.Title}");
            foreach (var evidence in finding.Evidence)
            {
                Line(md, $"  - {evidence}");
            }
        }

        Line(md, $"");
        Line(md, $"### Stress");
        Line(md, $"| clients | requests/s | p99 ms | error rate | SLA |");
        Line(md, $"|---|---|---|---|---|");
        foreach (var run in report.Runs.Where(r => r.Name.StartsWith("stress-", StringComparison.Ordinal)))
        {
            Line(md, $"| {Clients(run.Name)} | {run.ThroughputPerSecond:0.##} | {run.Latency.P99:0.#} | {run.ErrorRate:0.####} | {(run.Sla.All(l => l.Passed) ? "pass" : "FAIL: " + string.Join("; ", run.Sla.Where(l => !l.Passed).Select(l => $"{l.Description} {l.Actual} vs {l.Limit}")))} |");
        }

        foreach (var note in report.Notes.Where(n => n.StartsWith("Stress", StringComparison.Ordinal)))
        {
            Line(md, $"");
            Line(md, $"{note}");
        }

        Line(md, $"");
        Line(md, $"## Conclusions");
        foreach (var (run, finding) in bottlenecks.Take(5))
        {
            Line(md, $"- Bottleneck ({run}): {finding.Title}.");
        }

        foreach (var comparison in report.Comparisons)
        {
            var c = comparison.Comparison;
            Line(md, $"- `{comparison.Title}` (A/B, {c.Options.Schedule.ToString().ToLowerInvariant()}): p50 {PerfMetrics.Change(PerfMetric.P50, c.Metric(PerfMetric.P50).Change)}, throughput {PerfMetrics.Change(PerfMetric.Throughput, c.Metric(PerfMetric.Throughput).Change)}; overall {TrackVerdict.Overall(c)}.");
        }

        return md.ToString();
    }

    // Issue 19's comparisons as A/B rounds: two registry instances with and without the Redis-shared
    // cache, and a PostgreSQL pool too small for its clients against the default pool.
    private static void SharedCacheAndPools(StringBuilder md, PerfReport report, Dictionary<string, RunReport> runs)
    {
        Line(md, $"## Shared cache on Redis: two registry instances");
        Line(md, $"Both configurations on the same backing services, clients spread over each pair's two instances; the pair without the cache is A.");
        Line(md, $"");
        ComparisonSection.Table(md, report, ["shared-cache-2x"]);
        Line(md, $"");
        if (runs.TryGetValue("shared-cache-2x", out var cached))
        {
            Line(md, $"- {cached.Description}.");
        }

        foreach (var note in report.Notes.Where(n => n.StartsWith("Shared cache", StringComparison.Ordinal)))
        {
            Line(md, $"- {note}");
        }

        Line(md, $"");
        Line(md, $"## Connection pool: too small against the default");
        ComparisonSection.Table(md, report, ["pool-too-small"]);
        Line(md, $"");
        if (runs.TryGetValue("pool-too-small", out var small))
        {
            Line(md, $"Findings on the last round's pool-too-small run:");
            foreach (var finding in small.Findings)
            {
                Line(md, $"- {finding.Severity}: {finding.Title}");
            }
        }

        Line(md, $"");
    }

    // The trend against the committed baseline: each metric's change, and a verdict only where the test ran.
    private static string TrendText(BaselineReport committed) => committed.Metrics.Count == 0
        ? $"{committed.Status}{(committed.Note is { } note ? $" ({note})" : "")}"
        : string.Join(", ", committed.Metrics.Select(m => double.IsNaN(m.PValue)
            ? $"{m.Metric} {Change(m)} (no test: {m.Reason})"
            : $"{m.Metric} {Change(m)} ({m.Verdict}, p={m.PValue:0.###})"));

    private static string Change(MetricComparison? metric) => metric is null ? "n/a" : metric.Change.ToString("+0.#%;-0.#%;0%", CultureInfo.InvariantCulture);

    private static string Clients(string runName) => runName.Split('-').Reverse().Skip(1).First();

    private static void Line(StringBuilder md, FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

    // The run's cost from the process pseudo-instruments its report carries (results.json has no RunResult).
    private static ResourceCost? CostOf(RunReport run)
    {
        var allocated = run.WhiteBox.Where(i => i.Name == ResourceCost.AllocatedInstrument).Select(i => (double?)i.Sum).FirstOrDefault();
        var cpu = run.WhiteBox.Where(i => i.Name == CpuSaturationAnalyser.CpuTimeInstrument).Select(i => (double?)i.Sum).FirstOrDefault();
        return allocated is null || cpu is null || run.Totals.Completed == 0
            ? null
            : new ResourceCost(run.Name, run.Totals.Completed, run.Totals.Bytes, allocated.Value, cpu.Value);
    }
}
