namespace PerfTesting.Baselines;

/// <summary>What a comparison concluded about one metric, or about a whole run.</summary>
public enum Verdict
{
    /// <summary>No change beyond the tolerance that is also statistically significant.</summary>
    Same,

    /// <summary>Better by more than the tolerance, and significant.</summary>
    Improved,

    /// <summary>Worse by more than the tolerance, and significant.</summary>
    Regressed,
}
