using PerfTesting.Reporting.Model;

namespace PerfTesting.Analysis;

/// <summary>Runs several analysers over a run and ranks what they found (strongest evidence first).</summary>
public static class RunAnalysis
{
    /// <summary>Analyses a run.</summary>
    /// <param name="run">The run.</param>
    /// <param name="analysers">The analysers.</param>
    /// <returns>Findings, errors first, then by score.</returns>
    public static IReadOnlyList<Finding> Analyse(RunReport run, IEnumerable<IRunAnalyser> analysers)
    {
        ArgumentNullException.ThrowIfNull(analysers);
        return [.. analysers.SelectMany(a => a.Analyse(run)).OrderByDescending(f => f.Severity).ThenByDescending(f => f.Score)];
    }
}
