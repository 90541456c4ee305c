using PerfTesting.Tables;

namespace PerfTesting.Comparison;

/// <summary>How a verdict reads in a table: the icon in Markdown, the colour in HTML.</summary>
internal static class VerdictTones
{
    public static CellTone Tone(this Verdict verdict) => verdict switch
    {
        Verdict.Regressed => CellTone.Fail,
        Verdict.Improved => CellTone.Better,
        Verdict.Inconclusive => CellTone.Unsure,
        _ => CellTone.Pass,
    };
}
