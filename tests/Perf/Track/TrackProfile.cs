using System.Globalization;

namespace Tests.Perf.Track;

/// <summary>
/// How much the track runs. <c>PERF_PROFILE=full</c> (the main job's default, under 10 minutes on 2
/// cores), <c>ci</c> (the same comparisons, shorter shapes and a 4 MiB archive) or <c>extended</c> (full,
/// plus what the 10-minute budget left out: Lambda versus ECS, the longer soak, the six-step sweep and
/// the five-step stress search). Every profile judges its before/after comparisons by the same A/B
/// rounds (<see cref="Rounds"/> rounds of <see cref="RoundArchiveBytes"/> downloads). <c>PERF_ARCHIVE_MB</c>
/// overrides the archive size. With 40 MiB and 100 clients one download takes longer than a
/// 15-second window (the clients share the emulator's bandwidth), so the full profile's compared runs
/// are "each client downloads N times" rather than timed windows, and the load shapes (sweep, spike,
/// soak, stress), whose steps must hold many requests each, use a 4 MiB stand-in
/// (<see cref="ShapeArchiveBytes"/>); the report states both sizes. Without PERF_PROFILE the track is skipped: it is the main job
/// (<c>bash run-perf.sh</c>), not part of the plain <c>dotnet test</c>.
/// </summary>
internal sealed record TrackProfile(
    string Name,
    int Clients,
    int Models,
    long ArchiveBytes,
    TimeSpan WarmUp,
    TimeSpan RunDuration,
    IReadOnlyList<int> SweepClients,
    TimeSpan SweepStep,
    int SpikeBaseClients,
    TimeSpan SpikeStage,
    int SoakClients,
    TimeSpan SoakDuration,
    IReadOnlyList<int> StressClients,
    TimeSpan StressStep,
    int? IterationsPerClient,
    long ShapeArchiveBytes)
{
    /// <summary>
    /// Rounds before each look of an A/B comparison (the first look and every further one). With the
    /// 99% split over <see cref="Looks"/> looks (99.67% each for 3) the signed-rank interval needs 10;
    /// with 12 it drops the most extreme Walsh averages at each end, so one disturbed round cannot decide.
    /// </summary>
    public int Rounds { get; init; } = 12;

    /// <summary>Most looks of an A/B comparison: a clear change stops at the first, a control or a small change gets up to this many.</summary>
    public int Looks { get; init; } = 3;

    /// <summary>
    /// Time the track's A/B comparisons may spend on rounds, all together (<see cref="Tests.Perf.Track.Rounds.RoundsBudget"/>):
    /// with the headline, the analysers, the whole API and the shapes (about 230 s on a quiet 2-core
    /// machine) and the variants' seeding, the main job stays inside its 10 minutes.
    /// </summary>
    public TimeSpan ComparisonsBudget { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>The least a comparison gets: one look's rounds (12 duet rounds of 2 MiB downloads took about 23 s on a quiet machine).</summary>
    public TimeSpan MinimumComparisonBudget { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>The most a comparison gets: a small change with three looks.</summary>
    public TimeSpan ComparisonBudget { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>The most a control gets (four looks): it decides whether the run's verdicts stand.</summary>
    public TimeSpan ControlBudget { get; init; } = TimeSpan.FromSeconds(80);

    /// <summary>
    /// The archive of the download rounds: 2 MiB, so that one side's run (100 clients x 2 downloads)
    /// moves 400 MiB, about half a second on a quiet 2-core machine against the headline's 8 s for
    /// 100 x 40 MiB, and ten rounds of seven download comparisons fit the main job's 10 minutes.
    /// </summary>
    public long RoundArchiveBytes { get; init; } = 2L * 1024 * 1024;

    /// <summary>Downloads per client in one side's run of a download round: 100 clients x 2 = 200 requests, enough for p50 (10) and p95 (100), not for p99 (500).</summary>
    public int RoundIterations { get; init; } = 2;

    /// <summary>Measured window of one side's run in a metadata or pool round (time-windowed: those requests take milliseconds; quiet, the metadata pair served over 1,200 requests/s on 2026-11-30, so p99 has its 500 requests; the pool pair about 250, enough for p95).</summary>
    public TimeSpan RoundWindow { get; init; } = TimeSpan.FromSeconds(0.6);

    /// <summary>Warm-up before <see cref="RoundWindow"/>.</summary>
    public TimeSpan RoundWarmUp { get; init; } = TimeSpan.FromSeconds(0.15);

    /// <summary>Whether Lambda versus ECS runs (about 50 s): in <c>extended</c> only.</summary>
    public bool LambdaVsEcs { get; init; }

    /// <summary>The stored baseline's profile: extended measures the same headline run as full.</summary>
    public string BaselineProfile => Name == "extended" ? "full" : Name;

    public const string ProfileVariable = "PERF_PROFILE";
    public const string ArchiveVariable = "PERF_ARCHIVE_MB";
    public const string RoundsVariable = "PERF_AB_ROUNDS";
    public const string LooksVariable = "PERF_AB_LOOKS";

    public static TrackProfile Full { get; } = new(
        "full", Clients: 100, Models: 500, ArchiveBytes: 40L * 1024 * 1024,
        WarmUp: TimeSpan.FromSeconds(3), RunDuration: TimeSpan.FromSeconds(15),
        SweepClients: [1, 5, 20, 100], SweepStep: TimeSpan.FromSeconds(4),
        SpikeBaseClients: 10, SpikeStage: TimeSpan.FromSeconds(5),
        SoakClients: 50, SoakDuration: TimeSpan.FromSeconds(30),
        StressClients: [50, 200, 400], StressStep: TimeSpan.FromSeconds(4),
        IterationsPerClient: 1, ShapeArchiveBytes: 4L * 1024 * 1024);

    /// <summary>Full, plus Lambda versus ECS, the six-step sweep, the five-step stress search and the 42 s soak (about 2.5 minutes more).</summary>
    public static TrackProfile Extended { get; } = Full with
    {
        Name = "extended",
        SweepClients = [1, 5, 10, 20, 50, 100],
        SweepStep = TimeSpan.FromSeconds(5),
        SpikeStage = TimeSpan.FromSeconds(8),
        SoakDuration = TimeSpan.FromSeconds(42),
        StressClients = [25, 50, 100, 200, 400],
        StressStep = TimeSpan.FromSeconds(5),
        LambdaVsEcs = true,
    };

    public static TrackProfile Ci { get; } = new(
        "ci", Clients: 100, Models: 500, ArchiveBytes: 4L * 1024 * 1024,
        WarmUp: TimeSpan.FromSeconds(2), RunDuration: TimeSpan.FromSeconds(8),
        SweepClients: [1, 5, 10, 20, 50, 100], SweepStep: TimeSpan.FromSeconds(4),
        SpikeBaseClients: 10, SpikeStage: TimeSpan.FromSeconds(4),
        SoakClients: 50, SoakDuration: TimeSpan.FromSeconds(24),
        StressClients: [25, 50, 100, 200, 400], StressStep: TimeSpan.FromSeconds(4),
        IterationsPerClient: null, ShapeArchiveBytes: 4L * 1024 * 1024);

    /// <summary>The profile asked for, or null when the track is not asked for.</summary>
    public static TrackProfile? Current
    {
        get
        {
            var profile = Environment.GetEnvironmentVariable(ProfileVariable) switch
            {
                null or "" => null,
                "full" => Full,
                "ci" => Ci,
                "extended" => Extended,
                var other => throw new InvalidOperationException($"{ProfileVariable}={other}: use full, ci or extended."),
            };
            if (profile is not null && Environment.GetEnvironmentVariable(ArchiveVariable) is { Length: > 0 } mb)
            {
                var bytes = (long)(double.Parse(mb, CultureInfo.InvariantCulture) * 1024 * 1024);
                profile = profile with { ArchiveBytes = bytes, ShapeArchiveBytes = Math.Min(bytes, profile.ShapeArchiveBytes), RoundArchiveBytes = Math.Min(bytes, profile.RoundArchiveBytes) };
            }

            if (profile is not null && Environment.GetEnvironmentVariable(RoundsVariable) is { Length: > 0 } rounds)
            {
                // Validated by ABSequentialOptions before any load (at least 10 for 3 looks at 99%).
                profile = profile with { Rounds = int.Parse(rounds, CultureInfo.InvariantCulture) };
            }

            if (profile is not null && Environment.GetEnvironmentVariable(LooksVariable) is { Length: > 0 } looks)
            {
                profile = profile with { Looks = int.Parse(looks, CultureInfo.InvariantCulture) };
            }

            return profile;
        }
    }

    /// <summary>The compared runs' load: N downloads per client, or a timed window after a warm-up.</summary>
    public PerfTesting.Load.LoadProfile ComparedRun() => IterationsPerClient is { } iterations
        ? PerfTesting.Load.LoadProfile.ClosedIterations(Clients, iterations)
        : PerfTesting.Load.LoadProfile.Closed(Clients, RunDuration).WithWarmUp(WarmUp);

    /// <summary>Describes <see cref="ComparedRun"/> for the report.</summary>
    public string ComparedRunText => IterationsPerClient is { } iterations
        ? $"{Clients} clients x {iterations} downloads each"
        : string.Create(CultureInfo.InvariantCulture, $"{Clients} clients for {RunDuration.TotalSeconds:0} s after {WarmUp.TotalSeconds:0} s warm-up");

    /// <summary>One side's run in a download round: every client downloads <see cref="RoundIterations"/> times, no warm-up (the runner's priming round and the persistent connections are the warm-up).</summary>
    public PerfTesting.Load.LoadProfile DownloadRound() => PerfTesting.Load.LoadProfile.ClosedIterations(Clients, RoundIterations);

    /// <summary>One side's run in a metadata or pool round.</summary>
    public PerfTesting.Load.LoadProfile WindowRound(int clients) => PerfTesting.Load.LoadProfile.Closed(clients, RoundWindow).WithWarmUp(RoundWarmUp);

    public static TrackProfile Require()
    {
        var profile = Current;
        if (profile is null)
        {
            Assert.Skip($"The performance track is the main job: bash run-perf.sh (or set {ProfileVariable}=full|ci).");
        }

        return profile;
    }
}
