using System.Text.Json.Serialization;

namespace PerfTesting.Tables;

/// <summary>
/// The one table model of every report: the console tables of a run, its SLA, a baseline check and an A/B
/// comparison, the Markdown and HTML reports' tables, the history's change points, and the tables a report's
/// producer adds beside its runs (<c>PerfReport.Tables</c>: kept in the JSON, so every figure can be traced to
/// the same results file). Rows are built once; <see cref="TextTable"/>, <see cref="MarkdownTable"/> and
/// <see cref="HtmlTable"/> render them. Cells are already formatted; say in <paramref name="Description"/>
/// what was measured, what was computed and with which units.
/// </summary>
/// <param name="Title">The table's heading (for a console table, its first line).</param>
/// <param name="Description">One or two sentences under the heading: how the figures were obtained.</param>
/// <param name="Columns">Column headings; none for a heading and description without a grid.</param>
/// <param name="Rows">Rows of formatted cells, each with as many cells as there are columns.</param>
public sealed record ReportTable(
    string Title,
    string? Description,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>How each column's cells line up; when null, the first column left and the others right (figures).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ColumnAlignment>? Alignment { get; init; }

    /// <summary>Each row's tone (a verdict, a pass or a failure), shown on the cell of <see cref="ToneColumn"/>; none when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CellTone>? Tones { get; init; }

    /// <summary>The column whose cell carries the row's tone; the last column when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ToneColumn { get; init; }

    /// <summary>Each row's link target for its first cell (an anchor such as <c>#run-a</c>; HTML only); no links when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string?>? Links { get; init; }

    /// <summary>Checks that every row has one cell per column and that tones and links, when given, have one entry per row.</summary>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">A row's length differs from the number of columns, or the tones or links from the number of rows.</exception>
    public ReportTable Validate()
    {
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Count != Columns.Count)
            {
                throw new ArgumentException($"Row {i} of table '{Title}' has {Rows[i].Count} cells for {Columns.Count} columns.", nameof(Rows));
            }
        }

        if (Alignment is not null && Alignment.Count != Columns.Count)
        {
            throw new ArgumentException($"Table '{Title}' aligns {Alignment.Count} columns of {Columns.Count}.", nameof(Alignment));
        }

        if (Tones is not null && Tones.Count != Rows.Count || Links is not null && Links.Count != Rows.Count)
        {
            throw new ArgumentException($"Table '{Title}' has {Rows.Count} rows: give one tone and one link per row.", nameof(Tones));
        }

        return this;
    }

    /// <summary>How column <paramref name="column"/> lines up.</summary>
    /// <param name="column">The column's index.</param>
    public ColumnAlignment AlignmentOf(int column) =>
        Alignment is { } alignment ? alignment[column] : column == 0 ? ColumnAlignment.Left : ColumnAlignment.Right;

    /// <summary>The tone of cell (<paramref name="row"/>, <paramref name="column"/>): the row's tone on the tone column, none elsewhere.</summary>
    /// <param name="row">The row's index.</param>
    /// <param name="column">The column's index.</param>
    public CellTone ToneOf(int row, int column) =>
        Tones is { } tones && column == (ToneColumn ?? Columns.Count - 1) ? tones[row] : CellTone.None;
}
