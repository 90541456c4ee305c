namespace PerfTesting.Baselines;

/// <summary>What accept mode (<c>PERF_ACCEPT=1</c>) made the baseline.</summary>
public enum AcceptSource
{
    /// <summary>The received file the previous run wrote (the measurement that was reviewed).</summary>
    Received,

    /// <summary>This run, because there was neither a baseline nor a received file.</summary>
    ThisRun,
}
