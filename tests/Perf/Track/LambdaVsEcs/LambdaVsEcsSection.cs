using System.Globalization;
using System.Text;
using PerfTesting.Reporting.Model;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// The "Lambda versus ECS" section of docs/performance-report.md, from results.json only: the
/// comparison's tables as the report carries them (so the document and the results file agree), then
/// its notes on what was simulated and what AWS must confirm.
/// </summary>
internal static class LambdaVsEcsSection
{
    public static void Render(StringBuilder md, PerfReport report)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(report);
        var tables = report.Tables.Where(t => t.Title.StartsWith(LambdaVsEcsTables.TitlePrefix, StringComparison.Ordinal)).ToList();
        var notes = report.Notes.Where(n => n.StartsWith(LambdaVsEcsTables.NotePrefix, StringComparison.Ordinal)).ToList();
        md.Append("\n## Lambda versus ECS\n");
        if (tables.Count == 0)
        {
            md.Append("Not in this results file (the run did not reach the comparison).\n");
            return;
        }

        foreach (var table in tables)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {table.Title}\n");
            if (table.Description is { Length: > 0 } description)
            {
                md.Append(description).Append('\n');
            }

            md.Append('\n').Append("| ").AppendJoin(" | ", table.Columns.Select(Cell)).Append(" |\n");
            md.Append('|').AppendJoin('|', table.Columns.Select(_ => "---")).Append("|\n");
            foreach (var row in table.Rows)
            {
                md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
            }
        }

        foreach (var note in notes)
        {
            md.Append('\n').Append(note).Append('\n');
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
