using System.Globalization;
using System.Net.Http.Headers;
using PerfTesting.BackingServices;

/// <summary>
/// "RegistryBench cost": what one download costs a registry process, split into a part per request and
/// a part per byte, measured with few clients so that the machine's load changes little: each registry
/// configuration serves N downloads of a small archive (64 KiB) and of a large one (4 MiB), and its
/// own readings (/health/components) give the bytes allocated and CPU per download. The fixed cost is
/// the small archive's (less its bytes at the large one's slope); the slope is the difference between
/// the two over the difference in size. BENCH_BEFORE_REGISTRY adds the same for another build.
/// </summary>
internal static class DownloadCostModel
{
    private const int SmallBytes = 64 * 1024;
    private const int LargeBytes = 4 * 1024 * 1024;

    public static async Task RunAsync(string registryDll, int downloads)
    {
        Console.WriteLine($"== download cost model: {downloads} downloads per archive and configuration, 4 clients; load average {LoadAverage()}");
        await using var services = await BackingServicesLauncher.StartAsync(BackingServiceKind.LocalProcesses);
        var configurations = new List<(string Name, string Dll, Dictionary<string, string> Settings)>
        {
            ("s3", registryDll, new() { ["storage_backend"] = "s3" }),
            ("cached", registryDll, new() { ["storage_backend"] = "s3", ["archive_cache_enabled"] = "true" }),
            ("redirect", registryDll, new() { ["storage_backend"] = "s3", ["presigned_urls_enabled"] = "true" }),
            ("postgres", registryDll, new() { ["storage_backend"] = "postgres" }),
        };
        if (System.Environment.GetEnvironmentVariable("BENCH_BEFORE_REGISTRY") is { Length: > 0 } before)
        {
            configurations.Add(("s3-before", before, new() { ["storage_backend"] = "s3" }));
            configurations.Add(("cached-before", before, new() { ["storage_backend"] = "s3", ["archive_cache_enabled"] = "true" }));
            configurations.Add(("postgres-before", before, new() { ["storage_backend"] = "postgres" }));
        }

        // BENCH_COST_ONLY=postgres,postgres-before runs only the configurations named.
        var only = System.Environment.GetEnvironmentVariable("BENCH_COST_ONLY") is { Length: > 0 } names ? names.Split(',') : null;
        foreach (var (name, dll, settings) in configurations.Where(c => only is null || only.Contains(c.Name)))
        {
            await using var node = await RegistryNode.StartAsync(dll, services.Endpoints, "cost-" + name, settings);
            var small = await MeasureAsync(node, SmallBytes, downloads, redirect: name == "redirect");
            var large = await MeasureAsync(node, LargeBytes, downloads, redirect: name == "redirect");
            var slopeBytes = (large.Allocated - small.Allocated) / (LargeBytes - SmallBytes);
            var slopeCpu = (large.CpuMs - small.CpuMs) / (LargeBytes - SmallBytes);
            var fixedBytes = small.Allocated - slopeBytes * SmallBytes;
            var fixedCpu = small.CpuMs - slopeCpu * SmallBytes;
            Console.WriteLine(Invariant(
                $"{name}: per download 64 KiB: {small.Allocated / 1024:0.0} KiB allocated, {small.CpuMs:0.00} ms CPU; 4 MiB: {large.Allocated / 1024:0.0} KiB, {large.CpuMs:0.00} ms; ")
                + Invariant($"fixed {fixedBytes / 1024:0.0} KiB and {fixedCpu:0.00} ms per request, {slopeBytes:0.#####} bytes allocated per byte, {slopeCpu * 1e6:0.###} s CPU per GB"));
            Console.WriteLine(Invariant($"  {name}: allocated per byte at 4 MiB {large.Allocated / LargeBytes:0.#####}, at 40 MiB (modelled) {(fixedBytes + slopeBytes * 40 * 1048576) / (40 * 1048576):0.#####}; CPU s per GB at 4 MiB {large.CpuMs / LargeBytes * 1e6:0.###}"));
        }
    }

    private static async Task<(double Allocated, double CpuMs)> MeasureAsync(RegistryNode node, int size, int downloads, bool redirect)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        "PK\u0003\u0004"u8.CopyTo(bytes);
        var path = $"models/cost/archive-{size}/1.0.0";
        using (var client = node.Client())
        using (var content = new ByteArrayContent(bytes))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            using var put = await client.PutAsync(path, content);
            put.EnsureSuccessStatusCode();
        }

        var url = new Uri(node.BaseAddress, $"{path}/model.zip");
        // Warm-up: JIT and tiering, pools, the cache's fill.
        await DownloadLoad.RunAsync(url, RegistryNode.Token, size, 4, TimeSpan.Zero, followRedirects: redirect);
        for (var i = 0; i < 10; i++)
        {
            await DownloadLoad.RunCountAsync(url, RegistryNode.Token, size, 4, Math.Max(4, downloads / 10), followRedirects: redirect);
        }

        var before = await node.ReadCostAsync();
        var done = await DownloadLoad.RunCountAsync(url, RegistryNode.Token, size, 4, downloads, followRedirects: redirect);
        var after = await node.ReadCostAsync();
        // One reading of /health/components is in the difference; it is small next to N downloads.
        return ((after.AllocatedBytes - before.AllocatedBytes) / (double)done, (after.CpuSeconds - before.CpuSeconds) * 1000 / done);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
