namespace PerfTesting.Cli;

/// <summary>What perftest's exit code means, so CI steps can tell a breached SLA from a broken input.</summary>
public static class ExitCodes
{
    /// <summary>Done; every SLA passed.</summary>
    public const int Success = 0;

    /// <summary>Done, but an SLA failed on the merged run.</summary>
    public const int SlaFailed = 1;

    /// <summary>Refused: bad arguments or results that cannot be merged (the message says why).</summary>
    public const int Refused = 2;
}
