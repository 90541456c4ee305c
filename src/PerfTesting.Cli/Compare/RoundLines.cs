using System.Text.RegularExpressions;

namespace PerfTesting.Cli.Compare;

/// <summary>
/// The perf tests' output: every line to run.log, and the rounds' lines (which PerfTarget sends as xunit
/// diagnostic messages as each round ends) also to the console, so a comparison of several minutes shows
/// its progress instead of one silent step.
/// </summary>
internal sealed partial class RoundLines(TextWriter log, TextWriter console) : TextWriter
{
    public override System.Text.Encoding Encoding => log.Encoding;

    public override void WriteLine(string? value)
    {
        log.WriteLine(value);
        if (value is not null && Round().Match(value) is { Success: true } round)
        {
            console.WriteLine("    " + value[round.Index..]);
        }
    }

    public override void Write(char value) => log.Write(value);

    // "round 7 (B first): p50 A ..." as PerfTarget writes it, whatever prefix the test logger adds.
    [GeneratedRegex(@"round [0-9]+(/[0-9]+)? \((A|B) first\)")]
    private static partial Regex Round();
}
