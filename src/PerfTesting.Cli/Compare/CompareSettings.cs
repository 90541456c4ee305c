using PerfTesting.Comparison;
using PerfTesting.Comparison.Gate;

namespace PerfTesting.Cli.Compare;

/// <summary>What <c>perftest compare</c> was asked to do, validated before anything is built.</summary>
/// <param name="Repository">The git working tree (the current folder's).</param>
/// <param name="BaseRef">The base: a branch, tag or commit.</param>
/// <param name="Exact">Compare with <paramref name="BaseRef"/> itself, not its merge base with the head.</param>
/// <param name="HeadRef">The head; null for the working tree, uncommitted changes included.</param>
/// <param name="App">The service's project, relative to the repository root; null when <paramref name="Start"/> is given.</param>
/// <param name="Start">A command that starts the service, with <c>{port}</c> where the port goes; run in each side's tree.</param>
/// <param name="Health">The path that answers 2xx when the service is ready.</param>
/// <param name="Tests">The perf tests' project, relative to the repository root; null for the built-in workload (GET <paramref name="Path"/>).</param>
/// <param name="Filter">The tests' filter expression.</param>
/// <param name="Path">The built-in workload's request path.</param>
/// <param name="Out">The report folder.</param>
/// <param name="Policy">What an Inconclusive verdict does.</param>
/// <param name="Budget">Time budget of the rounds.</param>
internal sealed record CompareSettings(
    string Repository,
    string BaseRef,
    bool Exact,
    string? HeadRef,
    string? App,
    string? Start,
    string Health,
    string? Tests,
    string? Filter,
    string Path,
    string Out,
    InconclusivePolicy Policy,
    TimeSpan Budget)
{
    /// <summary>How each round runs the two sides: one at a time (the default) or both at once (--schedule duet).</summary>
    public ABSchedule Schedule { get; init; } = ABSchedule.Interleaved;
}
