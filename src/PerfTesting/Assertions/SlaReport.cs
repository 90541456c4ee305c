using System.Globalization;
using System.Text;

namespace PerfTesting.Assertions;

/// <summary>Every SLA line with limit, actual and pass/fail; a finding, never an exception.</summary>
/// <param name="RunName">The run evaluated.</param>
/// <param name="Lines">One per requirement, in definition order.</param>
public sealed record SlaReport(string RunName, IReadOnlyList<SlaLine> Lines)
{
    /// <summary>True when every line passed.</summary>
    public bool Passed => Lines.All(l => l.Passed);

    /// <summary>A plain-text table of every line, for test output and failure messages.</summary>
    public string ToTable()
    {
        var rows = new List<string[]> { new[] { "requirement", "limit", "actual", "result" } };
        rows.AddRange(Lines.Select(l => new[] { l.Requirement.Describe(), l.LimitText, l.ActualText, l.Passed ? "pass" : "FAIL" }));
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"SLA for '{RunName}': {(Passed ? "met" : $"{Lines.Count(l => !l.Passed)} of {Lines.Count} requirements broken")}");
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(" | ", row.Select((cell, i) => i is 1 or 2 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }
}
