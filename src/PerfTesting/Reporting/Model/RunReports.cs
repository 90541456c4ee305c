using PerfTesting.Analysis;
using PerfTesting.Assertions;
using PerfTesting.Baselines;
using PerfTesting.Measurement;

namespace PerfTesting.Reporting.Model;

/// <summary>Builds the report of a run from what was measured and what was concluded about it.</summary>
public static class RunReports
{
    private static readonly double[] CurvePercentiles = [0, 10, 25, 50, 75, 90, 95, 98, 99, 99.5, 99.9, 99.95, 99.99, 100];

    /// <summary>The report of one run.</summary>
    /// <param name="result">What was measured.</param>
    /// <param name="description">What the run did (defaults to the profile).</param>
    /// <param name="sla">The SLA evaluation, if any.</param>
    /// <param name="baseline">The baseline check, if any.</param>
    /// <param name="findings">Analyser findings, if any.</param>
    /// <returns>The report.</returns>
    public static RunReport From(
        RunResult result,
        string? description = null,
        SlaReport? sla = null,
        BaselineOutcome? baseline = null,
        IEnumerable<Finding>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var histogram = result.DecodeHistogram();
        var latency = result.Latency;
        return new RunReport(
            result.Name,
            description ?? result.Profile,
            result.Environment.StartedAt,
            result.Duration.TotalSeconds,
            new RequestTotals(result.Totals.Started, result.Totals.Succeeded, result.Totals.Failed, result.Totals.Dropped, result.Totals.Bytes),
            result.RequestsPerSecond,
            result.BytesPerSecond,
            new LatencySummary(latency.Min, latency.Mean, latency.StdDev, latency.P50, latency.P75, latency.P90, latency.P95, latency.P99, latency.P999, latency.Max),
            histogram.TotalCount == 0 ? [] : [.. CurvePercentiles.Select(p => new PercentilePoint(p, LatencyStats.Percentile(histogram, p)))],
            [.. result.Series.Select(s => new SecondPoint(s.Second, s.Requests, s.Errors, s.Bytes, s.P50Ms, s.P99Ms, s.Histogram))],
            result.ErrorsByKind,
            sla is null ? [] : [.. sla.Lines.Select(l => new SlaLineReport(l.Requirement.Describe(), l.LimitText, l.ActualText, l.Passed))],
            baseline is null ? null : BaselineReport.From(baseline),
            [.. WhiteBox(result)],
            findings is null ? [] : [.. findings.Select(FindingReport.From)],
            result.LatencyHistogram)
        {
            Scenarios = [.. result.Scenarios.Select(s => Scenario(s, result.Duration))],
        };
    }

    /// <summary>One scenario's share, as reported.</summary>
    /// <param name="scenario">The scenario's result.</param>
    /// <param name="window">The run's measured window, for its throughput.</param>
    public static ScenarioReport Scenario(ScenarioResult scenario, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var t = scenario.Totals;
        var l = scenario.Latency;
        return new ScenarioReport(
            scenario.Name,
            new RequestTotals(t.Started, t.Succeeded, t.Failed, t.Dropped, t.Bytes),
            window <= TimeSpan.Zero ? 0 : t.Completed / window.TotalSeconds,
            new LatencySummary(l.Min, l.Mean, l.StdDev, l.P50, l.P75, l.P90, l.P95, l.P99, l.P999, l.Max),
            scenario.ErrorsByKind)
        {
            Steps = [.. scenario.Steps.Select(s => Scenario(s, window))],
        };
    }

    /// <summary>The service's instruments plus this process's CPU, GC and memory as pseudo-instruments.</summary>
    /// <param name="result">The run.</param>
    public static IEnumerable<InstrumentReport> WhiteBox(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var i in result.WhiteBox)
        {
            yield return new InstrumentReport(i.Meter, i.Name, i.Unit, i.Kind, i.Count, i.Sum, i.Mean, i.P50, i.P99, i.Max);
        }

        if (result.Process is { } process)
        {
            yield return Process(CpuSaturationAnalyser.CpuTimeInstrument, "s", process.CpuSeconds);
            yield return Process("process.gc.gen0.collections", "{collection}", process.Gen0Collections);
            yield return Process("process.gc.gen1.collections", "{collection}", process.Gen1Collections);
            yield return Process("process.gc.gen2.collections", "{collection}", process.Gen2Collections);
            yield return Process("process.gc.allocated", "By", process.AllocatedBytes);
            yield return new InstrumentReport("process", "process.working_set", "By", "Gauge", 1, process.WorkingSetPeakBytes, process.WorkingSetPeakBytes, null, null, process.WorkingSetPeakBytes);
        }
    }

    private static InstrumentReport Process(string name, string unit, double total) => new("process", name, unit, "Counter", 1, total, total, null, null, total);
}
