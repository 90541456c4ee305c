namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// One archive size on one store: upload and download times (client side, mean of the round trips) and
/// the process's peak memory while they ran. <paramref name="Bytes"/> null marks a bucket the profile
/// skipped, with the reason in <paramref name="Store"/>.
/// </summary>
internal sealed record SizeFigures(
    SizeBucket Bucket,
    long? Bytes,
    string Store,
    int RoundTrips,
    double UploadMeanMs,
    double DownloadMeanMs,
    long Failures,
    double PeakWorkingSetGrowthMiB,
    double PeakHeapMiB)
{
    public static SizeFigures Skipped(SizeBucket bucket, string reason) => new(bucket, null, reason, 0, 0, 0, 0, 0, 0);
}
