using System.Globalization;
using PerfTesting.Tables;

namespace PerfTesting.Assertions;

/// <summary>Every SLA line with limit, actual and pass/fail; a finding, never an exception.</summary>
/// <param name="RunName">The run evaluated.</param>
/// <param name="Lines">One per requirement, in definition order.</param>
public sealed record SlaReport(string RunName, IReadOnlyList<SlaLine> Lines)
{
    /// <summary>True when every line passed.</summary>
    public bool Passed => Lines.All(l => l.Passed);

    /// <summary>A plain-text table of every line, for test output and failure messages.</summary>
    public string ToTable() => TextTable.Render(Table());

    /// <summary>The lines as a table titled with the outcome: requirement, limit, actual, result (toned pass or fail).</summary>
    public ReportTable Table() => new(
        string.Create(CultureInfo.InvariantCulture, $"SLA for '{RunName}': {(Passed ? "met" : $"{Lines.Count(l => !l.Passed)} of {Lines.Count} requirements broken")}"),
        null,
        ["requirement", "limit", "actual", "result"],
        [.. Lines.Select(l => (IReadOnlyList<string>)[l.Requirement.Describe(), l.LimitText, l.ActualText, l.Passed ? "pass" : "FAIL"])])
    {
        Alignment = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Left],
        Tones = [.. Lines.Select(l => l.Passed ? CellTone.Pass : CellTone.Fail)],
    };
}
