using PerfTesting.Tables;

namespace Tests.Unit.Tables;

public sealed class TableRendererTests
{
    private static readonly ReportTable Verdicts = new(
        "Checks",
        "Two checks.",
        ["check", "value", "result"],
        [["p99", "12.5 ms", "pass"], ["a|b", "<1>", "FAIL"]])
    {
        Alignment = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Left],
        Tones = [CellTone.Pass, CellTone.Fail],
    };

    [Fact]
    public void Text_PadsEachColumnAsItAligns_AndPrintsTitleAndDescriptionFirst()
    {
        var lines = TextTable.Render(Verdicts).ReplaceLineEndings("\n").Split('\n');

        Assert.Equal(
            ["Checks", "Two checks.", "check |   value | result", "p99   | 12.5 ms | pass", "a|b   |     <1> | FAIL", ""],
            lines);
    }

    [Fact]
    public void Markdown_WritesAlignmentRow_EscapesPipes_AndPutsTheToneIconOnTheToneColumn()
    {
        var markdown = MarkdownTable.Render(Verdicts);

        Assert.Equal(
            "### Checks\n\nTwo checks.\n\n| check | value | result |\n|---|---:|---|\n| p99 | 12.5 ms | ✅ pass |\n| a\\|b | <1> | ❌ FAIL |\n\n",
            markdown);
    }

    [Fact]
    public void Html_EncodesCells_MarksColumnsThatAlignAgainstTheDefault_AndTonesTheToneCell()
    {
        var html = HtmlTable.Render(Verdicts with { Links = ["#p99", null] }, "h3");

        Assert.StartsWith("<h3>Checks</h3><p class=\"note\">Two checks.</p><table><tr><th>check</th><th>value</th><th class=\"l\">result</th></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><a href=\"#p99\">p99</a></td><td>12.5 ms</td><td class=\"l pass\">pass</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>a|b</td><td>&lt;1&gt;</td><td class=\"l fail\">FAIL</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Renderers_ATableWithoutColumns_WriteOnlyItsHeading()
    {
        var note = new ReportTable("Baseline: Missing", "none committed", [], []);

        Assert.Equal("### Baseline: Missing\n\nnone committed\n\n", MarkdownTable.Render(note));
        Assert.Equal("<h3>Baseline: Missing</h3><p class=\"note\">none committed</p>", HtmlTable.Render(note, "h3"));
        Assert.Equal("Baseline: Missing" + Environment.NewLine + "none committed" + Environment.NewLine, TextTable.Render(note));
    }

    [Fact]
    public void Validate_TonesThatDoNotMatchTheRows_Throws()
    {
        var table = Verdicts with { Tones = [CellTone.Pass] };

        var error = Assert.Throws<ArgumentException>(() => TextTable.Render(table));
        Assert.Contains("Table 'Checks' has 2 rows", error.Message, StringComparison.Ordinal);
    }
}
