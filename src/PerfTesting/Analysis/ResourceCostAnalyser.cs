using System.Globalization;
using PerfTesting.Measurement;

namespace PerfTesting.Analysis;

/// <summary>
/// Resource cost compared across the runs of one report (configurations of the same workload):
/// allocations and CPU per byte sent (per request when a run sent no bytes). A run that spends
/// several times what the cheapest run spends is named as a bottleneck with the figures of every
/// run as evidence: the time-share analysers see where a request waits, this one sees the process's
/// own work, such as a client library wrapping a response in a managed hash that allocates more
/// than a byte per byte read.
/// </summary>
/// <param name="allocationRatio">How many times the cheapest run's allocations per byte a run must spend to be named.</param>
/// <param name="minimumAllocatedPerByte">Allocations per byte below this are never named, whatever the ratio (a cheap path stays cheap).</param>
/// <param name="cpuRatio">How many times the cheapest run's CPU per byte a run must spend to be named.</param>
public sealed class ResourceCostAnalyser(double allocationRatio = 5, double minimumAllocatedPerByte = 0.05, double cpuRatio = 3) : IRunAnalyser
{
    /// <inheritdoc />
    public string Name => "resource cost";

    /// <summary>Compares the costs of <see cref="AnalysisInput.Runs"/>; the findings name their run in the title.</summary>
    /// <param name="input">The input; only its runs are used.</param>
    public IEnumerable<Finding> Analyse(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Analyse(input.Runs).Select(f => f.Finding);
    }

    /// <summary>Compares the runs' costs.</summary>
    /// <param name="runs">Runs of the same workload in different configurations; runs without process figures are skipped.</param>
    /// <returns>One finding per run named, with that run's name.</returns>
    public IEnumerable<RunFinding> Analyse(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var costs = runs.Select(ResourceCost.Of).OfType<ResourceCost>().ToList();
        if (costs.Count < 2)
        {
            yield break;
        }

        // Per byte when every run sent bytes (downloads of different sizes compare fairly), else per request.
        var perByte = costs.All(c => c.Bytes > 0);
        Func<ResourceCost, double> allocated = perByte ? c => c.AllocatedPerByte : c => c.AllocatedPerRequest;
        Func<ResourceCost, double> cpu = perByte ? c => c.CpuSecondsPerGigabyte : c => c.CpuMsPerRequest;
        var cheapestAllocations = costs.MinBy(allocated)!;
        var cheapestCpu = costs.MinBy(cpu)!;
        var evidence = costs.Select(Describe).ToList();
        foreach (var cost in costs)
        {
            var allocationTimes = allocated(cheapestAllocations) > 0 ? allocated(cost) / allocated(cheapestAllocations) : 0;
            var cpuTimes = cpu(cheapestCpu) > 0 ? cpu(cost) / cpu(cheapestCpu) : 0;
            var allocationNamed = allocationTimes >= allocationRatio && (!perByte || cost.AllocatedPerByte >= minimumAllocatedPerByte);
            var cpuNamed = cpuTimes >= cpuRatio;
            if (!allocationNamed && !cpuNamed)
            {
                continue;
            }

            var unit = perByte ? "per byte sent" : "per request";
            var parts = new List<string>();
            if (allocationNamed)
            {
                parts.Add(Text($"allocates {Figure(allocated(cost))} bytes {unit}, {allocationTimes:0.#}x {cheapestAllocations.Run}"));
            }

            if (cpuNamed)
            {
                parts.Add(Text($"uses {Figure(cpu(cost))} {(perByte ? "CPU s per GB" : "CPU ms per request")}, {cpuTimes:0.#}x {cheapestCpu.Run}"));
            }

            var title = $"{cost.Run} {string.Join(" and ", parts)}: the process's own work on this path is a bottleneck (it spends where another configuration does not)";
            var score = Math.Clamp(1 - 1 / Math.Max(allocationTimes, cpuTimes), 0, 1);
            yield return new RunFinding(cost.Run, new Finding(Name, Severity.Warning, title, evidence, score));
        }
    }

    private static string Describe(ResourceCost c) => Text(
        $"{c.Run}: {c.AllocatedBytes:0} bytes allocated, {c.CpuSeconds:0.###} CPU s for {c.Requests} requests and {c.Bytes} bytes -> {Figure(c.AllocatedPerByte)} allocated per byte, {c.AllocatedPerRequest:0} per request; {Figure(c.CpuSecondsPerGigabyte)} CPU s per GB, {Figure(c.CpuMsPerRequest)} CPU ms per request");

    private static string Figure(double value) => value.ToString(value >= 100 ? "0" : value >= 1 ? "0.##" : "0.####", CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
