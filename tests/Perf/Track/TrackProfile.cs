using System.Globalization;

namespace Tests.Perf.Track;

/// <summary>
/// How much the track runs. <c>PERF_PROFILE=full</c> (the main job's default, under 10 minutes on 2
/// cores) or <c>ci</c> (the same shapes, shorter and with a 4 MiB archive). <c>PERF_ARCHIVE_MB</c>
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
    public const string ProfileVariable = "PERF_PROFILE";
    public const string ArchiveVariable = "PERF_ARCHIVE_MB";

    public static TrackProfile Full { get; } = new(
        "full", Clients: 100, Models: 500, ArchiveBytes: 40L * 1024 * 1024,
        WarmUp: TimeSpan.FromSeconds(3), RunDuration: TimeSpan.FromSeconds(15),
        SweepClients: [1, 5, 10, 20, 50, 100], SweepStep: TimeSpan.FromSeconds(5),
        SpikeBaseClients: 10, SpikeStage: TimeSpan.FromSeconds(8),
        SoakClients: 50, SoakDuration: TimeSpan.FromSeconds(42),
        StressClients: [25, 50, 100, 200, 400], StressStep: TimeSpan.FromSeconds(5),
        IterationsPerClient: 1, ShapeArchiveBytes: 4L * 1024 * 1024);

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
                var other => throw new InvalidOperationException($"{ProfileVariable}={other}: use full or ci."),
            };
            if (profile is not null && Environment.GetEnvironmentVariable(ArchiveVariable) is { Length: > 0 } mb)
            {
                var bytes = (long)(double.Parse(mb, CultureInfo.InvariantCulture) * 1024 * 1024);
                profile = profile with { ArchiveBytes = bytes, ShapeArchiveBytes = Math.Min(bytes, profile.ShapeArchiveBytes) };
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
