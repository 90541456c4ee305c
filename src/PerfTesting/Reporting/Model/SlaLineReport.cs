namespace PerfTesting.Reporting.Model;

/// <summary>One SLA line as reported.</summary>
/// <param name="Description">What was required, e.g. "p99 latency below 250 ms".</param>
/// <param name="Limit">The limit, with its unit.</param>
/// <param name="Actual">The measured value, with its unit.</param>
/// <param name="Passed">Whether the run met it.</param>
public sealed record SlaLineReport(string Description, string Limit, string Actual, bool Passed);
