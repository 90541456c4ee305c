namespace PerfTesting.Reporting.Model;

/// <summary>
/// A table the producer of a report adds beside its runs (per endpoint, per size bucket, a cost model):
/// rendered by the Markdown and HTML exporters after the runs' summary and kept in the JSON, so every
/// figure in it can be traced to the same results file. Cells are already formatted; say in
/// <paramref name="Description"/> what was measured, what was computed and with which units.
/// </summary>
/// <param name="Title">The table's heading.</param>
/// <param name="Description">One or two sentences under the heading: how the figures were obtained.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Rows of formatted cells, each with as many cells as there are columns.</param>
public sealed record ReportTable(
    string Title,
    string? Description,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Checks that every row has one cell per column.</summary>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">A row's length differs from the number of columns.</exception>
    public ReportTable Validate()
    {
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Count != Columns.Count)
            {
                throw new ArgumentException($"Row {i} of table '{Title}' has {Rows[i].Count} cells for {Columns.Count} columns.", nameof(Rows));
            }
        }

        return this;
    }
}
