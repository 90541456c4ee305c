namespace PerfTesting.Distribution.Fit;

/// <summary>How much a misfit between agents' parts matters to the merged figures.</summary>
public enum MergeFindingSeverity
{
    /// <summary>The merge goes ahead; the report's first line says what to doubt.</summary>
    Warning,

    /// <summary>The parts do not make one run: the merge refuses (unless told to merge misfits, then it warns).</summary>
    Refusal,
}
