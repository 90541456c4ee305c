namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// How much of the whole-API measurement each track profile runs. Every table is produced by both;
/// the ci profile repeats less and waits less (its additions stay near 40 s, the full profile's near
/// 100 s). A bucket size of null is a bucket the profile skips, with the reason in
/// <see cref="SkippedBucketReason"/>.
/// </summary>
internal sealed record WholeApiProfile(
    int EndpointClients,
    TimeSpan EndpointWindow,
    TimeSpan TogetherWindow,
    int SerialIterations,
    long EndpointArchiveBytes,
    IReadOnlyList<long?> BucketSizes,
    string? SkippedBucketReason,
    int SmallBucketRepetitions,
    IReadOnlyList<int> MixedUsers,
    TimeSpan MixedWarmUp,
    TimeSpan MixedWindow,
    TimeSpan AuthWindow)
{
    private const long KiB = 1024;
    private const long MiB = 1024 * 1024;

    public static WholeApiProfile Full { get; } = new(
        EndpointClients: 8, EndpointWindow: TimeSpan.FromSeconds(2), TogetherWindow: TimeSpan.FromSeconds(4),
        SerialIterations: 8, EndpointArchiveBytes: MiB,
        BucketSizes: [512 * KiB, 5 * MiB, 30 * MiB, 75 * MiB, 128 * MiB], SkippedBucketReason: null, SmallBucketRepetitions: 3,
        MixedUsers: [50, 100], MixedWarmUp: TimeSpan.FromSeconds(2), MixedWindow: TimeSpan.FromSeconds(10),
        AuthWindow: TimeSpan.FromSeconds(3));

    public static WholeApiProfile Ci { get; } = new(
        EndpointClients: 8, EndpointWindow: TimeSpan.FromSeconds(1), TogetherWindow: TimeSpan.FromSeconds(2),
        SerialIterations: 4, EndpointArchiveBytes: MiB,
        BucketSizes: [256 * KiB, 4 * MiB, 16 * MiB, 60 * MiB, null],
        SkippedBucketReason: "skipped in the ci profile, which keeps these tables near 40 s; the full profile (bash run-perf.sh) measures 128 MiB",
        SmallBucketRepetitions: 2,
        MixedUsers: [50, 100], MixedWarmUp: TimeSpan.FromSeconds(1), MixedWindow: TimeSpan.FromSeconds(3),
        AuthWindow: TimeSpan.FromSeconds(1.5));

    public static WholeApiProfile For(TrackProfile profile) => profile.Name == "ci" ? Ci : Full;

    /// <summary>Uploads and downloads per archive size: a few for the small buckets, one for the large ones.</summary>
    public int RepetitionsFor(long bytes) => bytes <= 10 * MiB ? SmallBucketRepetitions : 1;
}
