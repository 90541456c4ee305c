using PerfTesting.Load;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// Storage by archive size: for each size of the profile and each store, one client uploads new
/// archives of that size and downloads the last one, a few times for the small sizes and once for the
/// large ones. The process's memory is sampled every 50 ms meanwhile, after a full GC, so the table can
/// show that the registry streams (peak growth flat across sizes) rather than buffering archives.
/// </summary>
internal static class SizeRuns
{
    private static readonly TimeSpan MemoryInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<IReadOnlyList<SizeFigures>> RunAsync(
        RegistryRequests requests, IReadOnlyList<(string Store, Uri Registry)> stores, WholeApiProfile profile,
        Func<string, LoadRunner> runner, string token, CancellationToken ct)
    {
        var figures = new List<SizeFigures>();
        for (var i = 0; i < SizeBucket.All.Count; i++)
        {
            var bucket = SizeBucket.All[i];
            if (profile.BucketSizes[i] is not { } bytes)
            {
                figures.Add(SizeFigures.Skipped(bucket, profile.SkippedBucketReason ?? "skipped"));
                continue;
            }

            if (SizeBucket.Of(bytes) != bucket)
            {
                throw new InvalidOperationException($"{bytes} bytes is not in the bucket {bucket.Label}: fix WholeApiProfile.");
            }

            foreach (var (store, registry) in stores)
            {
                figures.Add(await MeasureAsync(requests, store, registry, bucket, bytes, profile.RepetitionsFor(bytes), runner, token, ct));
            }
        }

        return figures;
    }

    private static async Task<SizeFigures> MeasureAsync(
        RegistryRequests requests, string store, Uri registry, SizeBucket bucket, long bytes, int repetitions,
        Func<string, LoadRunner> runner, string token, CancellationToken ct)
    {
        var name = $"size-{bytes}-{token}";
        var upload = Scenario.Create("upload", requests.Upload(registry, "wholeapi", name, bytes));
        // The upload step numbers its versions 1.0.1, 1.0.2, ...: the download reads the last one.
        var download = Scenario.Create("download", requests.Get(registry, $"models/wholeapi/{name}/1.0.{repetitions}/model.zip"));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = Environment.WorkingSet;
        using var watch = new MemoryWatch(MemoryInterval);
        var up = await runner($"wholeapi-upload-{store}-{bytes}").RunAsync(LoadProfile.ClosedIterations(1, repetitions), upload, ct);
        var down = await runner($"wholeapi-download-{store}-{bytes}").RunAsync(LoadProfile.ClosedIterations(1, repetitions), download, ct);
        var samples = watch.Samples;
        var peakWorkingSet = samples.Count == 0 ? before : samples.Max(s => s.WorkingSetBytes);
        var peakHeap = samples.Count == 0 ? 0 : samples.Max(s => s.ManagedHeapBytes);
        return new SizeFigures(bucket, bytes, store, repetitions, up.Latency.Mean, down.Latency.Mean, up.Totals.Failed + down.Totals.Failed,
            Math.Max(0, peakWorkingSet - before) / 1048576.0, peakHeap / 1048576.0);
    }
}
