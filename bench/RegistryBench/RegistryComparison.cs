using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using PerfTesting.BackingServices;

/// <summary>
/// bench/registry-vs-direct.sh: the same archive downloaded by N clients directly from the store
/// (presigned S3 URLs), through the registry from S3, through the registry from PostgreSQL and
/// through the registry with the hot-archive cache on. The tools take turns within each round; every
/// figure is a median over the rounds, and only ratios within this run are compared. Each registry
/// is its own process; its allocations and CPU per phase come from its /health/components readings
/// taken before and after the phase.
/// </summary>
internal static class RegistryComparison
{
    // "direct" is a client asking the registry for the archive and following its redirect to a presigned S3
    // URL (presigned_urls_enabled), so it does the same authenticated request and catalog lookup per
    // download as the streamed runs, and only the bytes take another way. "store-only" re-reads one
    // presigned URL handed out before the phase (no registry at all): printed for reference, not a headline.
    private static readonly string[] MainTools = ["direct", "s3", "postgres", "cached", "store-only"];

    // BENCH_BEFORE_REGISTRY=path/to/Registry.dll adds "s3-before" and "cached-before": another build of
    // the registry in the same rounds, so that a change is measured against its predecessor in one run.
    private static readonly string? BeforeRegistry = System.Environment.GetEnvironmentVariable("BENCH_BEFORE_REGISTRY") is { Length: > 0 } before ? before : null;

    private static readonly string[] Tools = BeforeRegistry is null ? MainTools : [.. MainTools, "s3-before", "cached-before"];

    public static async Task RunAsync(string registryDll, TimeSpan phase, int rounds, int clients)
    {
        Console.WriteLine($"== backing services: local processes (s3rver, dynalite, PostgreSQL); {clients} clients, {phase.TotalSeconds:0.#} s per phase, {rounds} rounds");
        await using var services = await BackingServicesLauncher.StartAsync(BackingServiceKind.LocalProcesses);
        var endpoints = services.Endpoints;
        var nodes = new Dictionary<string, RegistryNode>();
        try
        {
            nodes["direct"] = await RegistryNode.StartAsync(registryDll, endpoints, "direct", Settings(("storage_backend", "s3"), ("presigned_urls_enabled", "true")));
            nodes["s3"] = await RegistryNode.StartAsync(registryDll, endpoints, "s3", Settings(("storage_backend", "s3")));
            nodes["postgres"] = await RegistryNode.StartAsync(registryDll, endpoints, "postgres", Settings(("storage_backend", "postgres")));
            nodes["cached"] = await RegistryNode.StartAsync(registryDll, endpoints, "cached",
                Settings(("storage_backend", "s3"), ("archive_cache_enabled", "true"), ("archive_cache_max_bytes", (1L << 30).ToString(CultureInfo.InvariantCulture))));
            if (BeforeRegistry is not null)
            {
                nodes["s3-before"] = await RegistryNode.StartAsync(BeforeRegistry, endpoints, "s3-before", Settings(("storage_backend", "s3")));
                nodes["cached-before"] = await RegistryNode.StartAsync(BeforeRegistry, endpoints, "cached-before",
                    Settings(("storage_backend", "s3"), ("archive_cache_enabled", "true"), ("archive_cache_max_bytes", (1L << 30).ToString(CultureInfo.InvariantCulture))));
            }

            using var s3 = AwsClientFactory.CreateS3Client(endpoints.S3);
            var cpu = CpuAccount.ForS3rver(endpoints.S3.ServiceUrl?.Port ?? 0);
            Console.WriteLine($"== load average at start: {LoadAverage()}{(cpu.FoundEmulator ? "" : " (s3rver's process not found: its CPU reads as 0)")}");
            var results = new List<SizeResult>();
            var sizes = (System.Environment.GetEnvironmentVariable("BENCH_SIZES_MIB") ?? "40 4").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
            foreach (var mib in sizes)
            {
                results.Add(await RunSizeAsync(mib, nodes, s3, cpu, phase, rounds, clients));
            }

            foreach (var r in results)
            {
                Console.WriteLine(Invariant($"medians {r.Mib} MiB: direct={r.Direct / 1e6:0} MB/s s3={r.S3 / 1e6:0} MB/s postgres={r.Postgres / 1e6:0} MB/s cached={r.Cached / 1e6:0} MB/s; ")
                    + Invariant($"s3/direct={r.S3 / r.Direct:0.000} postgres/direct={r.Postgres / r.Direct:0.000} cached/direct={r.Cached / r.Direct:0.000} allocated_per_byte(s3)={r.AllocatedPerByte:0.#####}"));
                foreach (var (tool, median) in r.Others.Prepend(("store-only", r.StoreOnly)))
                {
                    Console.WriteLine(Invariant($"  {tool}: {median / 1e6:0} MB/s, {tool}/direct={median / r.Direct:0.000}"));
                }

                foreach (var (tool, c) in r.Cpu)
                {
                    Console.WriteLine(Invariant($"  cpu_s_per_gb {r.Mib} MiB {tool}: registry={c.Registry:0.###} s3rver={c.Emulator:0.###} client={c.Client:0.###} other_work={c.Other:0.###}")
                        + (r.AllocatedPerByteByTool.TryGetValue(tool, out var allocated) ? Invariant($"; registry allocated_per_byte={allocated:0.#####}") : ""));
                }
            }

            Console.WriteLine($"== load average at end: {LoadAverage()}");
            // The headline is the weaker of the two archive sizes for every ratio (the higher for allocations).
            Console.WriteLine(Invariant($"s3_streamed_over_direct={results.Min(r => r.S3 / r.Direct):0.000}"));
            Console.WriteLine(Invariant($"postgres_streamed_over_direct={results.Min(r => r.Postgres / r.Direct):0.000}"));
            Console.WriteLine(Invariant($"cached_over_direct={results.Min(r => r.Cached / r.Direct):0.000}"));
            Console.WriteLine(Invariant($"allocated_bytes_per_streamed_byte={results.Max(r => r.AllocatedPerByte):0.#####}"));
        }
        finally
        {
            foreach (var node in nodes.Values)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<SizeResult> RunSizeAsync(int mib, Dictionary<string, RegistryNode> nodes, IAmazonS3 s3, CpuAccount cpu, TimeSpan phase, int rounds, int clients)
    {
        var bytes = new byte[mib * 1024 * 1024];
        new Random(mib).NextBytes(bytes);
        "PK\u0003\u0004"u8.CopyTo(bytes); // the registry accepts zip archives only
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = $"models/bench/archive-{mib}mib/1.0.0";
        foreach (var node in nodes.Values)
        {
            using var client = node.Client();
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            using var put = await client.PutAsync(path, content);
            put.EnsureSuccessStatusCode();
        }

        // The S3 registry's own object, read directly: as a client redirected to a presigned URL would.
        var direct = new Uri(await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = nodes["s3"].Names.Bucket,
            Key = $"{path}/{sha256}.zip",
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddHours(2),
            Protocol = Protocol.HTTP,
        }));
        Uri Url(string tool) => tool == "store-only" ? direct : new Uri(nodes[tool].BaseAddress, $"{path}/model.zip");
        string? Token(string tool) => tool == "store-only" ? null : RegistryNode.Token;

        // Warm-up: connections, JIT, and the cache's one fill (outside every measured phase).
        foreach (var tool in Tools)
        {
            await DownloadLoad.RunAsync(Url(tool), Token(tool), bytes.Length, 4, TimeSpan.Zero, followRedirects: tool == "direct");
        }

        var throughput = Tools.ToDictionary(t => t, _ => new List<double>());
        var allocatedPerByte = Tools.ToDictionary(t => t, _ => new List<double>());
        var cpuPerGb = Tools.ToDictionary(t => t, _ => new List<CpuPerGb>());
        var failures = 0;
        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"== {mib} MiB archive, round {round}/{rounds}");
            foreach (var tool in Tools)
            {
                var node = tool == "store-only" ? null : nodes[tool];
                var before = node is null ? default : await node.ReadCostAsync();
                var cpuBefore = cpu.Read();
                var (rate, sent, downloads, failed) = await DownloadLoad.RunAsync(Url(tool), Token(tool), bytes.Length, clients, phase, followRedirects: tool == "direct");
                var cpuAfter = cpu.Read();
                var after = node is null ? default : await node.ReadCostAsync();
                throughput[tool].Add(rate);
                var gb = sent / 1e9;
                var registryCpu = after.CpuSeconds - before.CpuSeconds;
                var perGb = new CpuPerGb(
                    registryCpu / gb,
                    (cpuAfter.Emulator - cpuBefore.Emulator) / gb,
                    (cpuAfter.Client - cpuBefore.Client) / gb,
                    (cpuAfter.Machine - cpuBefore.Machine - registryCpu - (cpuAfter.Emulator - cpuBefore.Emulator) - (cpuAfter.Client - cpuBefore.Client)) / gb);
                cpuPerGb[tool].Add(perGb);
                var cost = (node is null ? "" : Invariant($" registry_allocated_per_byte={(after.AllocatedBytes - before.AllocatedBytes) / (double)sent:0.#####} registry_cpu_s_per_gb={perGb.Registry:0.###}"))
                    + Invariant($" s3rver_cpu_s_per_gb={perGb.Emulator:0.###} client_cpu_s_per_gb={perGb.Client:0.###} other_cpu_s_per_gb={perGb.Other:0.###}");
                if (node is not null)
                {
                    allocatedPerByte[tool].Add((after.AllocatedBytes - before.AllocatedBytes) / (double)sent);
                }

                failures += failed;
                Console.WriteLine(Invariant($"{tool}: bytes_per_sec={rate:0} downloads={downloads} failed={failed} bytes={sent}{cost}"));
            }
        }

        Console.WriteLine(Invariant($"failed downloads ({mib} MiB, all phases): {failures}"));
        Console.WriteLine(Invariant($"cache fills so far: {await nodes["cached"].ReadCacheFillsAsync()} (one per archive size, each at its warm-up)"));
        var cpuMedians = Tools.Select(t => (t, new CpuPerGb(
            Median(cpuPerGb[t].Select(c => c.Registry).ToList()),
            Median(cpuPerGb[t].Select(c => c.Emulator).ToList()),
            Median(cpuPerGb[t].Select(c => c.Client).ToList()),
            Median(cpuPerGb[t].Select(c => c.Other).ToList())))).ToList();
        return new SizeResult(mib, Median(throughput["direct"]), Median(throughput["s3"]), Median(throughput["postgres"]), Median(throughput["cached"]), Median(allocatedPerByte["s3"]), Median(throughput["store-only"]), cpuMedians,
            Tools.Except(MainTools).Select(t => (t, Median(throughput[t]))).ToList(),
            allocatedPerByte.Where(a => a.Value.Count > 0).ToDictionary(a => a.Key, a => Median(a.Value)));
    }

    /// <summary>A registry's performance settings, plus BENCH_PERFORMANCE ("key=value,key=value") for every registry.</summary>
    private static Dictionary<string, string> Settings(params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => s.Value);
        foreach (var pair in (System.Environment.GetEnvironmentVariable("BENCH_PERFORMANCE") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            all[parts[0].Trim()] = parts[1].Trim();
        }

        return all;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record SizeResult(int Mib, double Direct, double S3, double Postgres, double Cached, double AllocatedPerByte, double StoreOnly, List<(string Tool, CpuPerGb Cpu)> Cpu, List<(string Tool, double Median)> Others, Dictionary<string, double> AllocatedPerByteByTool);

    /// <summary>
    /// CPU seconds per gigabyte sent in a phase: the registry's (zero for direct), the emulator's, the
    /// clients' (this process) and everything else on the machine (dynalite, PostgreSQL, other people's work).
    /// </summary>
    private sealed record CpuPerGb(double Registry, double Emulator, double Client, double Other);
}
