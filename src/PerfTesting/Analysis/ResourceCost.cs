using PerfTesting.Measurement;

namespace PerfTesting.Analysis;

/// <summary>
/// What a run cost the measured process: managed bytes allocated and CPU time, per request and per
/// byte sent. Read from the run's process figures (<see cref="RunResult.Process"/>), or from captured
/// instruments named <c>process.gc.allocated</c> and <c>process.cpu.time</c> when it has none.
/// </summary>
/// <param name="Run">The run's name.</param>
/// <param name="Requests">Completed requests.</param>
/// <param name="Bytes">Response bytes received.</param>
/// <param name="AllocatedBytes">Managed bytes the process allocated during the run.</param>
/// <param name="CpuSeconds">CPU time the process used during the run.</param>
public sealed record ResourceCost(string Run, long Requests, long Bytes, double AllocatedBytes, double CpuSeconds)
{
    /// <summary>The white-box pseudo-instrument carrying the bytes allocated.</summary>
    public const string AllocatedInstrument = "process.gc.allocated";

    /// <summary>Bytes allocated per request.</summary>
    public double AllocatedPerRequest => Requests == 0 ? 0 : AllocatedBytes / Requests;

    /// <summary>Bytes allocated per byte sent (0 when nothing was sent).</summary>
    public double AllocatedPerByte => Bytes == 0 ? 0 : AllocatedBytes / Bytes;

    /// <summary>CPU milliseconds per request.</summary>
    public double CpuMsPerRequest => Requests == 0 ? 0 : CpuSeconds * 1000 / Requests;

    /// <summary>CPU seconds per 10^9 bytes sent (0 when nothing was sent).</summary>
    public double CpuSecondsPerGigabyte => Bytes == 0 ? 0 : CpuSeconds / (Bytes / 1e9);

    /// <summary>The run's cost, or null when the run carries no process figures or completed nothing.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The cost, or null.</returns>
    public static ResourceCost? Of(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var allocated = run.Process?.AllocatedBytes ?? InstrumentUnits.Find(run, AllocatedInstrument)?.Sum;
        var cpu = run.Process?.CpuSeconds ?? InstrumentUnits.Find(run, CpuSaturationAnalyser.CpuTimeInstrument)?.Sum;
        if (allocated is null || cpu is null || run.Totals.Completed == 0)
        {
            return null;
        }

        return new ResourceCost(run.Name, run.Totals.Completed, run.Totals.Bytes, allocated.Value, cpu.Value);
    }
}
