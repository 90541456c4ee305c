namespace PerfTesting.Tables;

/// <summary>How a column's cells line up.</summary>
public enum ColumnAlignment
{
    /// <summary>Text: names, verdicts, reasons.</summary>
    Left,

    /// <summary>Figures, so their digits line up.</summary>
    Right,
}
