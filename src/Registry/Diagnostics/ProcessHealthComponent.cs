using System.Diagnostics;
using System.Text.Json.Serialization;
using Registry.Hosting;

namespace Registry.Diagnostics;

/// <summary>
/// The <c>process</c> entry of /health/components: what the registry process has spent since it
/// started (managed bytes allocated, CPU time, collections, memory), so that a benchmark or an
/// operator can read the cost of a piece of traffic as the difference of two readings.
/// </summary>
internal sealed class ProcessHealthComponent : IHealthComponent
{
    public string Name => "process";

    // Nothing expensive to read in the background: the counters are read per request.
    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public HealthDescription Describe()
    {
        using var process = Process.GetCurrentProcess();
        return new HealthDescription("ok", new ProcessStatus(
            "ok",
            GC.GetTotalAllocatedBytes(precise: true),
            process.TotalProcessorTime.TotalSeconds,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            process.WorkingSet64));
    }

    internal sealed record ProcessStatus(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("allocated_bytes")] long AllocatedBytes,
        [property: JsonPropertyName("cpu_seconds")] double CpuSeconds,
        [property: JsonPropertyName("gen0_collections")] int Gen0Collections,
        [property: JsonPropertyName("gen1_collections")] int Gen1Collections,
        [property: JsonPropertyName("gen2_collections")] int Gen2Collections,
        [property: JsonPropertyName("working_set_bytes")] long WorkingSetBytes);
}
