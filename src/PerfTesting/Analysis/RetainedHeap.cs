using System.Runtime;

namespace PerfTesting.Analysis;

/// <summary>
/// The managed heap that survives a forced, blocking, compacting full collection: what the process
/// really holds on to. Unlike the working set or a heap-size slope, it does not move when the GC
/// merely settles (a generation budget growing, a heap not yet compacted), so a gate on its growth
/// cannot fire on GC timing, only on memory that something still references.
/// </summary>
public static class RetainedHeap
{
    /// <summary>Collects everything collectable (twice, with finalizers in between) and returns the bytes still in use.</summary>
    /// <returns>Bytes of live managed objects.</returns>
    public static long Measure()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
