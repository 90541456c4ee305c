using System.Globalization;
using PerfTesting.Measurement;

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
    public IEnumerable<Finding> Analyse(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Run is { } run ? Analyse(run) : [];
    }

    private IEnumerable<Finding> Analyse(RunResult run)
    {
        // This process's own measurement first; a captured instrument of that name when there is none.
        var cpuSeconds = run.Process?.CpuSeconds ?? InstrumentUnits.Find(run, CpuTimeInstrument)?.Sum;
        var durationSeconds = run.Duration.TotalSeconds;
        if (cpuSeconds is not { } cpu || durationSeconds <= 0)
        {
            yield break;
        }

        var utilisation = cpu / (durationSeconds * _cores);
        if (utilisation < 0.7)
        {
            yield break;
        }

        yield return new Finding(Name, Severity.Warning,
            Text($"The process used {utilisation * 100:0}% of {_cores} cores: CPU-bound (the load generator shares the machine)"),
            [Text($"{CpuTimeInstrument}: {cpu:0.##} s of CPU in {durationSeconds:0.##} s on {_cores} cores"), Text($"{run.RequestsPerSecond:0.#} req/s -> {cpu * 1000 / Math.Max(1, run.Totals.Completed):0.###} ms of CPU per request")],
            Math.Min(1, utilisation));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
