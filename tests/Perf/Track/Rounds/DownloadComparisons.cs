using System.Globalization;
using PerfTesting.BackingServices;
using PerfTesting.Comparison;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Comparison;
using Tests.Shared;

namespace Tests.Perf.Track.Rounds;

/// <summary>
/// The download before/afters, each an A/B comparison of two registry instances on the same backing
/// services, each instance with its own bucket, tables and database, seeded alike: the baseline
/// configuration (A, one instance shared by every comparison) against each optimisation and the
/// PostgreSQL store (B), and the baseline against a second instance of itself (the controls).
/// Schedules: a variant that changes how much it loads a service both sides share (the S3 emulator,
/// PostgreSQL) runs interleaved, so each side has the services to itself while it runs; a variant
/// that loads them alike runs as a duet, which cancels the machine's fast noise. Each schedule has its
/// own control.
/// </summary>
internal static class DownloadComparisons
{
    public const string Control = "baseline-s3";

    /// <summary>
    /// The baseline configuration's settings: every optimisation off, the registry's default
    /// remembering of downloaded archives (which skips the catalog lookup on a repeat download) included,
    /// so that each variant below is measured against the registry doing all its work.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> NoOptimisation { get; } = new Dictionary<string, string?> { ["Performance:remember_downloaded_archives"] = "false" };

    /// <summary>How many comparisons <see cref="RunAsync"/> runs.</summary>
    public static int Count => Variants.Length;

    /// <summary>The comparisons and the last run of each interleaved side (white-box figures, for the analysers and the cost table).</summary>
    public sealed record Outcome(IReadOnlyList<ABReport> Comparisons, IReadOnlyList<(RunResult Run, string Description)> Runs);

    private sealed record Variant(string Name, string Description, Dictionary<string, string?> Settings, ABSchedule Schedule, string Why);

    private static readonly Variant[] Variants =
    [
        new(Control + " duet" + TrackVerdict.ControlSuffix, "The baseline configuration again: a second instance with its own bucket, tables and database", [], ABSchedule.Duet,
            "Duet, as the duet comparisons below: A against itself measures what the duet schedule resolves on this machine; it must read Same, or every duet verdict of this run is void."),
        new("metadata-cache", "Metadata cache: catalog lookups served from memory (TTL 60 s)", new() { ["Performance:metadata_cache_enabled"] = "true" }, ABSchedule.Duet,
            "Duet: B skips one DynamoDB lookup per download and reads the same bytes from the same S3 emulator as A, so both sides load the shared services alike and running them at once cancels the machine's fast noise."),
        new("large-buffers", "Connection settings: 200 pooled S3 connections (and stream_buffer_bytes 1 MiB, which reads 64 KiB at a time, one transport block)", new() { ["Performance:stream_buffer_bytes"] = "1048576", ["Performance:s3_max_connections"] = "200" }, ABSchedule.Duet,
            "Duet: only the registry's own S3 connection pool and buffer differ; both sides read the same bytes from the same emulator."),
        new(Control + " interleaved" + TrackVerdict.ControlSuffix, "The baseline configuration again: a second instance with its own bucket, tables and database", [], ABSchedule.Interleaved,
            "Interleaved, as the interleaved comparisons below: A against itself measures what the interleaved schedule resolves on this machine; it must read Same, or every interleaved verdict of this run is void."),
        new("presigned-urls", "Presigned-URL redirect: the registry authorises and redirects, clients fetch from S3 directly", new() { ["Performance:presigned_urls_enabled"] = "true" }, ABSchedule.Interleaved,
            "Interleaved: the redirect moves the downloads' bytes from the registry onto the S3 emulator both sides share. In a duet A's downloads would compete with B's direct ones for the emulator while the CPU B's registry no longer spends sped A up: the effect would be hidden or invented."),
        new("archive-cache", "Hot-archive cache: the archive filled once from S3 into a local disk copy (verified against its SHA-256), then served with file sends", new() { ["Performance:archive_cache_enabled"] = "true" }, ABSchedule.Interleaved,
            "Interleaved: B stops reading the S3 emulator after its first download; in a duet A would get the emulator to itself and look faster than it is alone, hiding part of the effect."),
        new("postgres-store", "PostgreSQL store: archives as 1 MiB bytea chunks, same workload", new() { ["Performance:storage_backend"] = "Postgres" }, ABSchedule.Interleaved,
            "Interleaved: A reads the S3 emulator, B PostgreSQL, two services competing for the same 2 cores; in a duet each store would be measured under the other's load."),
    ];

    public static async Task<Outcome> RunAsync(
        BackingServiceEndpoints endpoints, RegistryApp baseline, TrackProfile profile, TrackRounds rounds,
        Func<RegistryApp, long, CancellationToken, Task> seed, CancellationToken ct)
    {
        var reports = new List<ABReport>();
        var runs = new List<(RunResult, string)>();
        using var workloadA = new RegistryWorkload(baseline);
        var workload = Text($"{profile.Clients} closed clients, each downloading the {profile.RoundArchiveBytes / 1048576.0:0.##} MiB Tiny-LLM stand-in {profile.RoundIterations} times per run ({profile.Clients * profile.RoundIterations} requests per side and round); {profile.Models} models seeded in each instance");
        foreach (var variant in Variants)
        {
            await using var registry = new RegistryApp(endpoints, "round-" + variant.Name, new Dictionary<string, string?>(NoOptimisation.Concat(variant.Settings)));
            await seed(registry, profile.RoundArchiveBytes, ct);
            using var workloadB = new RegistryWorkload(registry);
            var plan = new TrackComparisonPlan(variant.Name, Control, "Baseline configuration: S3 store, no optimisation", variant.Name.StartsWith(Control, StringComparison.Ordinal) ? Control : variant.Name, variant.Description, workload, variant.Schedule, variant.Why);
            var (report, sides) = await rounds.CompareAsync(plan, profile.DownloadRound(), [workloadA.Download], [workloadB.Download], ct);
            reports.Add(report);
            if (variant.Schedule == ABSchedule.Interleaved)
            {
                var isControl = TrackVerdict.IsControl(report);
                runs.Add((sides.Last(ABSide.B, isControl ? Control + "-round" : variant.Name),
                    isControl ? Text($"Baseline configuration, the last round of its interleaved control: {workload}") : Text($"{variant.Description}: the last round of its comparison ({workload})")));
            }
        }

        return new Outcome(reports, runs);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
