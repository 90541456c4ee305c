using PerfTesting.Tables;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// The five whole-API tables, built from measured figures (pure: no I/O, unit-tested). Their titles
/// share <see cref="TitlePrefix"/>, which is how docs/performance-report.md finds them in results.json.
/// </summary>
internal static class WholeApiTables
{
    public const string TitlePrefix = "Whole API: ";
    public const string EndpointTitle = TitlePrefix + "per endpoint";
    public const string OperationTitle = TitlePrefix + "per DynamoDB operation";
    public const string SizeTitle = TitlePrefix + "storage by archive size";
    public const string MixedTitle = TitlePrefix + "mixed users, target vs measured";
    public const string AuthTitle = TitlePrefix + "authentication overhead";

    public static ReportTable Endpoints(IReadOnlyList<EndpointFigures> endpoints, string description) => new ReportTable(
        EndpointTitle,
        description,
        ["endpoint", "store", "clients", "requests", "mean ms", "p50 ms", "p95 ms", "p99 ms", "requests/s", "error rate", "together: p50 / p99 ms"],
        [.. endpoints.Select(e => (IReadOnlyList<string>)
        [
            e.Endpoint, e.Store, Cells.Count(e.Clients), Cells.Count(e.Requests), Cells.Ms(e.MeanMs), Cells.Ms(e.P50Ms), Cells.Ms(e.P95Ms), Cells.Ms(e.P99Ms),
            Cells.Rate(e.RequestsPerSecond), Cells.Percent(e.ErrorRate),
            e.TogetherP50Ms is { } p50 && e.TogetherP99Ms is { } p99 ? $"{Cells.Ms(p50)} / {Cells.Ms(p99)}" : Cells.None,
        ])]).Validate();

    /// <summary>
    /// One row per endpoint and operation it issued, with calls per request (computed: calls ÷ requests);
    /// then the background probes' calls over the same runs, one row per operation.
    /// </summary>
    public static ReportTable Operations(IReadOnlyList<OperationFigures> runs, IReadOnlyList<TaggedLatency> background, string description)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var run in runs)
        {
            if (run.Operations.Count == 0)
            {
                rows.Add([run.Endpoint, "(none)", "0", "0", Cells.None, Cells.None, Cells.None, Cells.None]);
            }

            foreach (var operation in run.Operations)
            {
                rows.Add(OperationRow(run.Endpoint, operation, run.Requests == 0 ? Cells.None : PerRequest((double)operation.Count / run.Requests)));
            }
        }

        foreach (var operation in background)
        {
            rows.Add(OperationRow("(background health probes, all instances)", operation, Cells.None));
        }

        return new ReportTable(OperationTitle, description, ["endpoint", "operation", "calls", "calls per request", "mean ms", "p50 ms", "p95 ms", "p99 ms"], rows).Validate();
    }

    /// <summary>Calls per request: two decimals, and "&lt; 0.01" rather than a misleading 0 for a rare call.</summary>
    public static string PerRequest(double ratio) => ratio is > 0 and < 0.005 ? "< 0.01" : Cells.Ratio(ratio);

    public static ReportTable Sizes(IReadOnlyList<SizeFigures> sizes, string description) => new ReportTable(
        SizeTitle,
        description,
        ["bucket", "archive", "store", "round trips", "upload mean ms", "upload MiB/s", "download mean ms", "download MiB/s", "errors", "peak memory growth MiB", "managed heap at last GC, peak MiB"],
        [.. sizes.Select(s => s.Bytes is not { } bytes
            ? (IReadOnlyList<string>)[s.Bucket.Label, Cells.None, s.Store, "0", Cells.None, Cells.None, Cells.None, Cells.None, Cells.None, Cells.None, Cells.None]
            : [
                s.Bucket.Label, SizeBucket.Describe(bytes), s.Store, Cells.Count(s.RoundTrips),
                Cells.Ms(s.UploadMeanMs), MiBPerSecond(bytes, s.UploadMeanMs), Cells.Ms(s.DownloadMeanMs), MiBPerSecond(bytes, s.DownloadMeanMs),
                Cells.Count(s.Failures), Cells.MiB(s.PeakWorkingSetGrowthMiB), Cells.MiB(s.PeakHeapMiB),
            ])]).Validate();

    /// <summary>Per user count: each target against its measured figure, and whether it was met.</summary>
    public static ReportTable Mixed(IReadOnlyList<MixedFigures> runs, MixedTargets targets, string description)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var run in runs)
        {
            var throughputTarget = targets.ThroughputFor(run.Users);
            rows.Add([Cells.Count(run.Users), "mean latency", "≤ " + Cells.Ms(targets.MeanMs) + " ms", Cells.Ms(run.MeanMs) + " ms", Met(run.MeanMs <= targets.MeanMs), run.RunName]);
            rows.Add([Cells.Count(run.Users), "p95 latency", "≤ " + Cells.Ms(targets.P95Ms) + " ms", Cells.Ms(run.P95Ms) + " ms", Met(run.P95Ms <= targets.P95Ms), run.RunName]);
            rows.Add([Cells.Count(run.Users), "error rate", "≤ " + Cells.Percent(targets.ErrorRate), Cells.Percent(run.ErrorRate), Met(run.ErrorRate <= targets.ErrorRate), run.RunName]);
            rows.Add([Cells.Count(run.Users), "throughput", "≥ " + Cells.Rate(throughputTarget) + " requests/s", Cells.Rate(run.RequestsPerSecond) + " requests/s", Met(run.RequestsPerSecond >= throughputTarget), run.RunName]);
        }

        return new ReportTable(MixedTitle, description, ["users", "metric", "target", "measured", "met", "run"], rows).Validate();
    }

    /// <summary>Both requests, then the difference (computed: with token − without) per request.</summary>
    public static ReportTable Auth(AuthFigures without, AuthFigures with, string description)
    {
        IReadOnlyList<string> Row(AuthFigures a) =>
        [
            a.Request, Cells.Count(a.Requests), Cells.Rate(a.RequestsPerSecond), Cells.Ms(a.MeanMs), Cells.Ms(a.P50Ms), Cells.Ms(a.P99Ms),
            a.Handler is { } h ? Cells.Us(h.MeanMs * 1000) : Cells.None, a.Handler is { } p ? Cells.Us(p.P99Ms * 1000) : Cells.None,
        ];
        var handlerDifference = with.Handler is { } w && without.Handler is { } o ? Cells.Us((w.MeanMs - o.MeanMs) * 1000) : Cells.None;
        IReadOnlyList<string> difference =
        [
            "difference per request (computed: with token − without)", Cells.None, Cells.None,
            Signed(with.MeanMs - without.MeanMs), Signed(with.P50Ms - without.P50Ms), Signed(with.P99Ms - without.P99Ms), handlerDifference, Cells.None,
        ];
        return new ReportTable(AuthTitle, description,
            ["request", "requests", "requests/s", "mean ms", "p50 ms", "p99 ms", "bearer handler mean µs", "bearer handler p99 µs"],
            [Row(without), Row(with), difference]).Validate();
    }

    private static IReadOnlyList<string> OperationRow(string endpoint, TaggedLatency operation, string perRequest) =>
        [endpoint, operation.Tag, Cells.Count(operation.Count), perRequest, Cells.Ms(operation.MeanMs), Cells.Ms(operation.P50Ms), Cells.Ms(operation.P95Ms), Cells.Ms(operation.P99Ms)];

    private static string MiBPerSecond(long bytes, double meanMs) => meanMs <= 0 ? Cells.None : Cells.Rate(bytes / 1048576.0 / (meanMs / 1000));

    private static string Met(bool met) => met ? "yes" : "no";

    private static string Signed(double ms) => (ms >= 0 ? "+" : "") + Cells.Ms(ms);
}
