namespace PerfTesting.Analysis;

/// <summary>An analyser's conclusion with the measurements it rests on; analysers return these, they never throw.</summary>
/// <param name="Analyser">Which analyser concluded it.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Title">The conclusion in one line.</param>
/// <param name="Evidence">The numbers behind it, one per line, each traceable to the run's results.</param>
/// <param name="Score">How strongly the evidence points at it (0 to 1), to rank findings.</param>
public sealed record Finding(string Analyser, Severity Severity, string Title, IReadOnlyList<string> Evidence, double Score);
