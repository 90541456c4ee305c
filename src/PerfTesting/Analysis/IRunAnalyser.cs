namespace PerfTesting.Analysis;

/// <summary>
/// Looks at measured results and says what limits them: the one interface every analyser implements
/// (as BenchmarkDotNet's <c>IAnalyser</c>). Analysers return findings and never throw for what they find;
/// <see cref="Analysers.Default"/> is the set a user starts from and extends.
/// </summary>
public interface IRunAnalyser
{
    /// <summary>The analyser's name, shown with its findings.</summary>
    string Name { get; }

    /// <summary>Analyses the part of the input this analyser understands.</summary>
    /// <param name="input">Runs, sweep steps or memory samples; parts the analyser does not use may be empty.</param>
    /// <returns>Zero or more findings.</returns>
    IEnumerable<Finding> Analyse(AnalysisInput input);
}
