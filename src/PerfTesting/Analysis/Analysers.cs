using System.Collections;

namespace PerfTesting.Analysis;

/// <summary>
/// An immutable set of analysers (BenchmarkDotNet's <c>DefaultConfig</c> analysers): start from
/// <see cref="Default"/>, add your own with <see cref="With"/>, drop one with <see cref="Without{T}"/>,
/// then <see cref="Analyse"/> ranks what they all found.
/// </summary>
/// <example><code>
/// var analysers = Analysers.Default(components).With(new MyQueueDepthAnalyser());
/// var findings = analysers.Analyse(AnalysisInput.ForRun(result));
/// </code></example>
public sealed class Analysers : IReadOnlyList<IRunAnalyser>
{
    private readonly IReadOnlyList<IRunAnalyser> _analysers;

    private Analysers(IReadOnlyList<IRunAnalyser> analysers) => _analysers = analysers;

    /// <summary>No analysers.</summary>
    public static Analysers Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _analysers.Count;

    /// <inheritdoc />
    public IRunAnalyser this[int index] => _analysers[index];

    /// <summary>
    /// Every analyser of this library with its default thresholds: component share, tail latency and
    /// error correlation over <paramref name="components"/>, CPU saturation, sweep saturation, memory growth and resource cost.
    /// </summary>
    /// <param name="components">The service's components, named by the instruments that time them (none by default).</param>
    public static Analysers Default(IReadOnlyList<ComponentInstrument>? components = null)
    {
        components ??= [];
        return new([
            new ComponentShareAnalyser(components),
            new TailLatencyAnalyser(components),
            new ErrorCorrelationAnalyser(components),
            new CpuSaturationAnalyser(),
            new SaturationAnalyser(),
            new MemoryGrowthAnalyser(),
            new ResourceCostAnalyser(),
        ]);
    }

    /// <summary>This set plus <paramref name="analysers"/>.</summary>
    /// <param name="analysers">Analysers to add.</param>
    public Analysers With(params IRunAnalyser[] analysers)
    {
        ArgumentNullException.ThrowIfNull(analysers);
        return new([.. _analysers, .. analysers.Select(a => a ?? throw new ArgumentException("An analyser is null.", nameof(analysers)))]);
    }

    /// <summary>This set without the analysers of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The analyser type to drop (e.g. to add it back with other thresholds).</typeparam>
    public Analysers Without<T>()
        where T : IRunAnalyser => new([.. _analysers.Where(a => a is not T)]);

    /// <summary>Runs every analyser and ranks the findings (<see cref="RunAnalysis.Analyse"/>).</summary>
    /// <param name="input">What to analyse.</param>
    /// <returns>Findings, errors first, then by score.</returns>
    public IReadOnlyList<Finding> Analyse(AnalysisInput input) => RunAnalysis.Analyse(input, _analysers);

    /// <inheritdoc />
    public IEnumerator<IRunAnalyser> GetEnumerator() => _analysers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
