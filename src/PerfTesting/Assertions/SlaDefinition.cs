namespace PerfTesting.Assertions;

/// <summary>An immutable set of SLA requirements, built with <see cref="Sla"/>.</summary>
/// <param name="Requirements">The lines, in the order they were defined.</param>
public sealed record SlaDefinition(IReadOnlyList<SlaRequirement> Requirements);
