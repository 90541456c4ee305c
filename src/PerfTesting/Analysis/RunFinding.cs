namespace PerfTesting.Analysis;

/// <summary>A finding of an analyser that compares runs, with the run it is about.</summary>
/// <param name="RunName">The run the finding names.</param>
/// <param name="Finding">The finding.</param>
public sealed record RunFinding(string RunName, Finding Finding);
