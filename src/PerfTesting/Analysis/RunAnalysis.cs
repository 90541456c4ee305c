namespace PerfTesting.Analysis;

/// <summary>Runs several analysers over an input and ranks what they found (strongest evidence first).</summary>
public static class RunAnalysis
{
    /// <summary>Analyses an input.</summary>
    /// <param name="input">What to analyse.</param>
    /// <param name="analysers">The analysers.</param>
    /// <returns>Findings, errors first, then by score.</returns>
    public static IReadOnlyList<Finding> Analyse(AnalysisInput input, IEnumerable<IRunAnalyser> analysers)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(analysers);
        return [.. analysers.SelectMany(a => a.Analyse(input)).OrderByDescending(f => f.Severity).ThenByDescending(f => f.Score)];
    }
}
