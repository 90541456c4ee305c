using PerfTesting.Reporting.Model;

namespace PerfTesting.Analysis;

/// <summary>Looks at one run's measurements and says what limits it.</summary>
public interface IRunAnalyser
{
    /// <summary>The analyser's name, shown with its findings.</summary>
    string Name { get; }

    /// <summary>Analyses a run.</summary>
    /// <param name="run">The run's measurements (black-box and white-box).</param>
    /// <returns>Zero or more findings.</returns>
    IEnumerable<Finding> Analyse(RunReport run);
}
