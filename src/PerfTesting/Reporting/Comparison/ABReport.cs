using System.Globalization;
using PerfTesting.Baselines;
using PerfTesting.Comparison;

namespace PerfTesting.Reporting.Comparison;

/// <summary>An A/B comparison as reported: results.json (schema <see cref="SchemaName"/>), report.md and report.html.</summary>
/// <param name="Title">The report's heading.</param>
/// <param name="GeneratedAt">When it was written.</param>
/// <param name="Machine">Where it ran (CPU, cores, OS, runtime): both sides ran here, in the same job.</param>
/// <param name="A">The reference side.</param>
/// <param name="B">The candidate side.</param>
/// <param name="Workload">The workload each run applied, in a sentence.</param>
/// <param name="Comparison">The comparison itself.</param>
/// <param name="Notes">Anything a reader needs to judge the figures.</param>
public sealed record ABReport(
    string Title,
    DateTimeOffset GeneratedAt,
    string Machine,
    ABSideInfo A,
    ABSideInfo B,
    string Workload,
    ABComparison Comparison,
    IReadOnlyList<string> Notes)
{
    /// <summary>The JSON schema name.</summary>
    public const string SchemaName = "perftesting.ab/v1";

    /// <summary>The schema this report follows.</summary>
    public string Schema => SchemaName;

    /// <summary>
    /// A report of <paramref name="comparison"/> as it ran here: titled after it, sides labelled "A" and "B",
    /// the machine read from this process (<see cref="EnvironmentFingerprint.Capture"/>). It saves a test
    /// assembling the record field by field when it only wants the files.
    /// </summary>
    /// <param name="comparison">A finished comparison.</param>
    /// <param name="workload">The workload each run applied, in a sentence.</param>
    /// <param name="time">The clock of <see cref="GeneratedAt"/>; the system clock when null.</param>
    /// <returns>The report, ready for <see cref="ABReportWriter.WriteAsync"/>.</returns>
    public static ABReport For(ABComparison comparison, string workload, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var machine = EnvironmentFingerprint.Capture();
        return new ABReport(
            $"A/B: {comparison.Name}",
            (time ?? TimeProvider.System).GetUtcNow(),
            string.Create(CultureInfo.InvariantCulture, $"{machine.CpuModel}, {machine.Cores} cores, {machine.Os}, {machine.Runtime}"),
            new ABSideInfo("A", null, null),
            new ABSideInfo("B", null, null),
            workload,
            comparison,
            []);
    }
}
