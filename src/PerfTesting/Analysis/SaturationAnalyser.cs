using System.Globalization;

namespace PerfTesting.Analysis;

/// <summary>
/// Saturation across a concurrency sweep: while throughput still grows with clients the service has
/// headroom; where throughput stops growing (less than <c>minimumGain</c> more for the added clients)
/// and latency climbs instead, the service is saturated, and Little's law says requests now queue.
/// </summary>
public sealed class SaturationAnalyser : IRunAnalyser
{
    /// <summary>Default throughput gain per doubling of clients below which a step counts as saturated.</summary>
    public const double DefaultMinimumGain = 0.15;

    private readonly double _minimumGain;

    /// <summary>Creates the analyser.</summary>
    /// <param name="minimumGain">Throughput gain per doubling of clients below which a step counts as saturated (default 0.15).</param>
    public SaturationAnalyser(double minimumGain = DefaultMinimumGain) =>
        _minimumGain = double.IsFinite(minimumGain) ? minimumGain : throw new ArgumentOutOfRangeException(nameof(minimumGain));

    /// <inheritdoc />
    public string Name => "saturation";

    /// <summary>Finds where a sweep (<see cref="AnalysisInput.Sweep"/>) saturates.</summary>
    /// <param name="input">The input; only its sweep is used.</param>
    /// <returns>A finding for the first saturated step, or none.</returns>
    public IEnumerable<Finding> Analyse(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Analyse(input.Sweep);
    }

    private IEnumerable<Finding> Analyse(IReadOnlyList<SweepPoint> steps)
    {
        for (var i = 1; i < steps.Count; i++)
        {
            var (fewer, before) = steps[i - 1];
            var (more, after) = steps[i];
            if (before.RequestsPerSecond <= 0 || more <= fewer)
            {
                continue;
            }

            var doublings = Math.Log2((double)more / fewer);
            var gain = (after.RequestsPerSecond / before.RequestsPerSecond - 1) / doublings;
            if (gain >= _minimumGain)
            {
                continue;
            }

            var evidence = steps.Select(s => Text($"{s.Clients} clients: {s.Run.RequestsPerSecond:0.#} req/s, p50 {s.Run.Latency.P50:0.###} ms, p99 {s.Run.Latency.P99:0.###} ms")).ToList();
            evidence.Add(Text($"{fewer} -> {more} clients: throughput {(after.RequestsPerSecond / before.RequestsPerSecond - 1) * 100:+0.#;-0.#}%, p50 {(after.Latency.P50 / before.Latency.P50 - 1) * 100:+0.#;-0.#}%"));
            evidence.Add(Text($"Little's law at {more} clients: {more} / {after.RequestsPerSecond:0.#} req/s = {1000.0 * more / after.RequestsPerSecond:0.###} ms per request, measured mean {after.Latency.Mean:0.###} ms"));
            yield return new Finding(Name, Severity.Warning,
                Text($"Throughput saturates at about {fewer} clients ({before.RequestsPerSecond:0.#} req/s); beyond that latency grows instead of throughput"),
                evidence, Math.Clamp(1 - gain, 0, 1));
            yield break;
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
