using System.Text;
using PerfTesting.Reporting.Model;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// The whole-API section of docs/performance-report.md: the five tables exactly as results.json holds
/// them (<see cref="PerfReport.Tables"/> whose titles start with <see cref="WholeApiTables.TitlePrefix"/>),
/// so the document and the report cannot disagree.
/// </summary>
internal static class WholeApiDocument
{
    public static void Render(StringBuilder md, PerfReport report)
    {
        var tables = report.Tables.Where(t => t.Title.StartsWith(WholeApiTables.TitlePrefix, StringComparison.Ordinal)).ToList();
        md.Append("\n## The whole API\n");
        if (tables.Count == 0)
        {
            md.Append("results.json holds no whole-API tables (the track did not reach them).\n");
            return;
        }

        md.Append("Every endpoint, every DynamoDB operation, storage by archive size, mixed users against targets, and the cost of authentication; the tables are `tables` in results.json (also in report.md and report.html).\n");
        foreach (var note in report.Notes.Where(n => n.StartsWith("Whole API", StringComparison.Ordinal)))
        {
            md.Append('\n').Append(note).Append('\n');
        }

        foreach (var table in tables)
        {
            md.Append("\n### ").Append(char.ToUpperInvariant(table.Title[WholeApiTables.TitlePrefix.Length])).Append(table.Title[(WholeApiTables.TitlePrefix.Length + 1)..]).Append('\n');
            if (table.Description is { Length: > 0 } description)
            {
                md.Append(description).Append('\n');
            }

            md.Append('\n');
            Row(md, table.Columns);
            md.Append('|').Append(string.Concat(table.Columns.Select(_ => "---|"))).Append('\n');
            foreach (var row in table.Rows)
            {
                Row(md, row);
            }
        }
    }

    private static void Row(StringBuilder md, IReadOnlyList<string> cells) =>
        md.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" "))).Append(" |\n");
}
