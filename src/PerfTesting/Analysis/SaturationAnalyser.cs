using System.Globalization;
using PerfTesting.Reporting.Model;

namespace PerfTesting.Analysis;

/// <summary>
/// Saturation across a concurrency sweep: while throughput still grows with clients the service has
/// headroom; where throughput stops growing (less than <c>minimumGain</c> more for the added clients)
/// and latency climbs instead, the service is saturated, and Little's law says requests now queue.
/// </summary>
public static class SaturationAnalyser
{
    /// <summary>Finds where a sweep saturates.</summary>
    /// <param name="steps">Each step's client count and run, in increasing client order.</param>
    /// <param name="minimumGain">Throughput gain per doubling of clients below which a step counts as saturated (default 0.15).</param>
    /// <returns>A finding for the first saturated step, or none.</returns>
    public static IEnumerable<Finding> Analyse(IReadOnlyList<(int Clients, RunReport Run)> steps, double minimumGain = 0.15)
    {
        ArgumentNullException.ThrowIfNull(steps);
        for (var i = 1; i < steps.Count; i++)
        {
            var (fewer, before) = steps[i - 1];
            var (more, after) = steps[i];
            if (before.ThroughputPerSecond <= 0 || more <= fewer)
            {
                continue;
            }

            var doublings = Math.Log2((double)more / fewer);
            var gain = (after.ThroughputPerSecond / before.ThroughputPerSecond - 1) / doublings;
            if (gain >= minimumGain)
            {
                continue;
            }

            var evidence = steps.Select(s => Text($"{s.Clients} clients: {s.Run.ThroughputPerSecond:0.#} req/s, p50 {s.Run.Latency.P50:0.###} ms, p99 {s.Run.Latency.P99:0.###} ms")).ToList();
            evidence.Add(Text($"{fewer} -> {more} clients: throughput {(after.ThroughputPerSecond / before.ThroughputPerSecond - 1) * 100:+0.#;-0.#}%, p50 {(after.Latency.P50 / before.Latency.P50 - 1) * 100:+0.#;-0.#}%"));
            evidence.Add(Text($"Little's law at {more} clients: {more} / {after.ThroughputPerSecond:0.#} req/s = {1000.0 * more / after.ThroughputPerSecond:0.###} ms per request, measured mean {after.Latency.Mean:0.###} ms"));
            yield return new Finding("saturation", Severity.Warning,
                Text($"Throughput saturates at about {fewer} clients ({before.ThroughputPerSecond:0.#} req/s); beyond that latency grows instead of throughput"),
                evidence, Math.Clamp(1 - gain, 0, 1));
            yield break;
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
