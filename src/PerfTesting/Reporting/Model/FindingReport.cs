using PerfTesting.Analysis;

namespace PerfTesting.Reporting.Model;

/// <summary>An analyser's conclusion, with the measurements behind it.</summary>
/// <param name="Severity">Hint, Warning or Error.</param>
/// <param name="Title">The conclusion in one line.</param>
/// <param name="Evidence">The numbers it rests on, one per line.</param>
public sealed record FindingReport(string Severity, string Title, IReadOnlyList<string> Evidence)
{
    /// <summary>A finding as reports carry it: the analyser's name becomes the first line of evidence.</summary>
    /// <param name="finding">The finding.</param>
    public static FindingReport From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.Severity.ToString(), finding.Title, [$"analyser: {finding.Analyser}", .. finding.Evidence]);
    }
}
