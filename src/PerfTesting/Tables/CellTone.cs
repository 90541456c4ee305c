namespace PerfTesting.Tables;

/// <summary>What a verdict or result cell means, shown as an icon in Markdown and a colour in HTML (plain text shows the cell as it is).</summary>
public enum CellTone
{
    /// <summary>Nothing to show.</summary>
    None,

    /// <summary>Met, passed, the same as before (✅, green).</summary>
    Pass,

    /// <summary>Better than before (🚀, green).</summary>
    Better,

    /// <summary>Broken, failed, regressed (❌, red).</summary>
    Fail,

    /// <summary>Undecided: the data could neither detect nor rule out a change (❔, amber).</summary>
    Unsure,
}
