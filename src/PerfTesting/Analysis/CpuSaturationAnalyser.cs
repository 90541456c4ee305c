using System.Globalization;
using PerfTesting.Reporting.Model;

namespace PerfTesting.Analysis;

/// <summary>
/// CPU saturation of an in-process service: CPU time used over the run divided by what the machine's
/// cores could give in that time. Near 100%, the service (with the load generator beside it) is CPU-bound.
/// </summary>
public sealed class CpuSaturationAnalyser : IRunAnalyser
{
    /// <summary>The white-box pseudo-instrument carrying the process's CPU time in seconds.</summary>
    public const string CpuTimeInstrument = "process.cpu.time";

    private readonly int _cores;

    /// <summary>Creates the analyser.</summary>
    /// <param name="cores">Cores available to the process (defaults to this machine's).</param>
    public CpuSaturationAnalyser(int? cores = null) => _cores = cores ?? System.Environment.ProcessorCount;

    /// <inheritdoc />
    public string Name => "CPU saturation";

    /// <inheritdoc />
    public IEnumerable<Finding> Analyse(RunReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (InstrumentUnits.Find(run, CpuTimeInstrument) is not { } cpu || run.DurationSeconds <= 0)
        {
            yield break;
        }

        var utilisation = cpu.Sum / (run.DurationSeconds * _cores);
        if (utilisation < 0.7)
        {
            yield break;
        }

        yield return new Finding(Name, Severity.Warning,
            Text($"The process used {utilisation * 100:0}% of {_cores} cores: CPU-bound (the load generator shares the machine)"),
            [Text($"{CpuTimeInstrument}: {cpu.Sum:0.##} s of CPU in {run.DurationSeconds:0.##} s on {_cores} cores"), Text($"{run.ThroughputPerSecond:0.#} req/s -> {cpu.Sum * 1000 / Math.Max(1, run.Totals.Completed):0.###} ms of CPU per request")],
            Math.Min(1, utilisation));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
