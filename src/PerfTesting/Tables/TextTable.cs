using System.Text;

namespace PerfTesting.Tables;

/// <summary>
/// Renders a <see cref="ReportTable"/> as plain text for a console, test output or a failure message:
/// the title line, the description, then the columns padded to a common width and joined by " | ".
/// </summary>
public static class TextTable
{
    /// <summary>The title, the description when there is one, then the grid.</summary>
    /// <param name="table">The table.</param>
    /// <returns>Lines of text, each ending in a line break.</returns>
    public static string Render(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        if (table.Title.Length > 0)
        {
            text.AppendLine(table.Title);
        }

        if (table.Description is { Length: > 0 } description)
        {
            text.AppendLine(description);
        }

        return text.Append(Grid(table)).ToString();
    }

    /// <summary>The header line and one line per row, cells padded to their column's width (left or right as the column aligns), trailing spaces trimmed.</summary>
    /// <param name="table">The table.</param>
    /// <returns>Lines of text, each ending in a line break; empty for a table without columns.</returns>
    public static string Grid(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Validate();
        if (table.Columns.Count == 0)
        {
            return string.Empty;
        }

        var lines = table.Rows.Prepend(table.Columns).ToList();
        var widths = Enumerable.Range(0, table.Columns.Count).Select(i => lines.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var cells = line.Select((cell, i) => table.AlignmentOf(i) == ColumnAlignment.Right ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            text.AppendLine(string.Join(" | ", cells).TrimEnd());
        }

        return text.ToString();
    }
}
