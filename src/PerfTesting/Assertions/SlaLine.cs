namespace PerfTesting.Assertions;

/// <summary>One evaluated SLA line.</summary>
/// <param name="Requirement">What was required.</param>
/// <param name="Actual">The measured value in the requirement's unit (NaN when the scenario did not run).</param>
/// <param name="Passed">Whether the run met it.</param>
/// <param name="LimitText">The limit with its unit.</param>
/// <param name="ActualText">The measured value with its unit.</param>
public sealed record SlaLine(SlaRequirement Requirement, double Actual, bool Passed, string LimitText, string ActualText);
