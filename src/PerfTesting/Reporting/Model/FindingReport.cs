namespace PerfTesting.Reporting.Model;

/// <summary>An analyser's conclusion, with the measurements behind it.</summary>
/// <param name="Severity">Hint, Warning or Error.</param>
/// <param name="Title">The conclusion in one line.</param>
/// <param name="Evidence">The numbers it rests on, one per line.</param>
public sealed record FindingReport(string Severity, string Title, IReadOnlyList<string> Evidence);
