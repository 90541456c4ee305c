namespace PerfTesting.Comparison.Sequential;

/// <summary>Why an adaptive comparison stopped adding rounds.</summary>
public enum ABStopReason
{
    /// <summary>Every gated metric was decided (Same, Improved or Regressed).</summary>
    Decided,

    /// <summary>A gated metric Regressed: whatever the others read, the comparison's verdict is Regressed.</summary>
    Regressed,

    /// <summary>The last planned look was taken.</summary>
    LastLook,

    /// <summary>Another look would not have finished within the time budget.</summary>
    Budget,
}
