using System.Text;

namespace PerfTesting.Tables;

/// <summary>
/// Renders a <see cref="ReportTable"/> as GitHub Markdown (a pull-request comment, a job summary): a heading,
/// the description, then a pipe table with the columns' alignment, escaped cells and each row's tone as an icon.
/// </summary>
public static class MarkdownTable
{
    /// <summary>The heading (<paramref name="headingLevel"/> hashes), the description, then the grid, each followed by a blank line.</summary>
    /// <param name="table">The table.</param>
    /// <param name="headingLevel">How deep the heading sits: 3 writes "### ".</param>
    /// <returns>Markdown, lines ending in '\n'.</returns>
    public static string Render(ReportTable table, int headingLevel = 3)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(headingLevel, 1);
        var md = new StringBuilder();
        md.Append('#', headingLevel).Append(' ').Append(table.Title).Append("\n\n");
        if (table.Description is { Length: > 0 } description)
        {
            md.Append(description).Append("\n\n");
        }

        var grid = Grid(table);
        return grid.Length == 0 ? md.ToString() : md.Append(grid).Append('\n').ToString();
    }

    /// <summary>The pipe table alone: header, alignment row, one line per row.</summary>
    /// <param name="table">The table.</param>
    /// <returns>Markdown, lines ending in '\n'; empty for a table without columns.</returns>
    public static string Grid(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Validate();
        if (table.Columns.Count == 0)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.Append("| ").AppendJoin(" | ", table.Columns.Select(Cell)).Append(" |\n");
        md.Append('|').AppendJoin('|', table.Columns.Select((_, i) => table.AlignmentOf(i) == ColumnAlignment.Right ? "---:" : "---")).Append("|\n");
        for (var row = 0; row < table.Rows.Count; row++)
        {
            var r = row;
            md.Append("| ").AppendJoin(" | ", table.Rows[r].Select((cell, column) => Icon(table.ToneOf(r, column)) + Cell(cell))).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>A cell's text made safe for a pipe table: '|' escaped, line breaks as spaces.</summary>
    /// <param name="text">The text.</param>
    public static string Cell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
    }

    /// <summary>The icon a tone puts before its cell, with a space; empty for none.</summary>
    /// <param name="tone">The tone.</param>
    public static string Icon(CellTone tone) => tone switch
    {
        CellTone.Pass => "✅ ",
        CellTone.Better => "🚀 ",
        CellTone.Fail => "❌ ",
        CellTone.Unsure => "❔ ",
        _ => string.Empty,
    };
}
