using System.Net;
using System.Text;

namespace PerfTesting.Tables;

/// <summary>
/// Renders a <see cref="ReportTable"/> as HTML: a heading, the description, then a table with encoded cells,
/// each row's tone as a class on its tone cell and each column's alignment. Pages that show tables include
/// <see cref="Css"/> once in their style.
/// </summary>
public static class HtmlTable
{
    /// <summary>
    /// The style of tables: figures right and the first column left (so a cell needs a class only when its
    /// column aligns otherwise: <c>l</c> or <c>r</c>), and the tones' colours (<c>pass</c>, <c>better</c>, <c>fail</c>, <c>unsure</c>).
    /// </summary>
    public const string Css =
        "table{border-collapse:collapse;margin:8px 0 16px;font-size:13px;display:block;max-width:100%;overflow-x:auto}"
        + "th,td{border:1px solid #ddd;padding:4px 6px;text-align:right}td:first-child{max-width:280px;overflow-wrap:anywhere}th{background:#f4f6f8}"
        + "td:first-child,th:first-child{text-align:left}td.l,th.l{text-align:left}td.r,th.r{text-align:right}"
        + ".pass,.better{color:#18794e;font-weight:600}.fail{color:#c62828;font-weight:600}.unsure{color:#a15c00}";

    /// <summary>The heading, the description (class <c>note</c>) and the table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="heading">The heading's element: h2, h3.</param>
    /// <returns>An HTML fragment.</returns>
    public static string Render(ReportTable table, string heading = "h2")
    {
        ArgumentNullException.ThrowIfNull(table);
        var html = new StringBuilder();
        html.Append('<').Append(heading).Append('>').Append(E(table.Title)).Append("</").Append(heading).Append('>');
        if (table.Description is { Length: > 0 } description)
        {
            html.Append("<p class=\"note\">").Append(E(description)).Append("</p>");
        }

        return html.Append(Grid(table)).ToString();
    }

    /// <summary>The table element alone.</summary>
    /// <param name="table">The table.</param>
    /// <returns>An HTML fragment; empty for a table without columns.</returns>
    public static string Grid(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Validate();
        if (table.Columns.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<table><tr>");
        for (var column = 0; column < table.Columns.Count; column++)
        {
            html.Append("<th").Append(Class(table, column, CellTone.None)).Append('>').Append(E(table.Columns[column])).Append("</th>");
        }

        html.Append("</tr>");
        for (var row = 0; row < table.Rows.Count; row++)
        {
            html.Append("<tr>");
            for (var column = 0; column < table.Columns.Count; column++)
            {
                var text = E(table.Rows[row][column]);
                if (column == 0 && table.Links?[row] is { } link)
                {
                    text = $"<a href=\"{E(link)}\">{text}</a>";
                }

                html.Append("<td").Append(Class(table, column, table.ToneOf(row, column))).Append('>').Append(text).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Class(ReportTable table, int column, CellTone tone)
    {
        var alignment = table.AlignmentOf(column);
        var align = column == 0 && alignment == ColumnAlignment.Right ? "r" : column > 0 && alignment == ColumnAlignment.Left ? "l" : null;
        var toneClass = tone == CellTone.None ? null : tone.ToString().ToLowerInvariant();
        var classes = string.Join(' ', new[] { align, toneClass }.Where(c => c is not null));
        return classes.Length == 0 ? string.Empty : $" class=\"{classes}\"";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
