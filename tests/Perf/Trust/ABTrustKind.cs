namespace Tests.Perf.Trust;

/// <summary>The four kinds of comparison the A/B trust measurement makes.</summary>
internal enum ABTrustKind
{
    /// <summary>A/A: the same 20 ms delay on both sides; any Regressed is a false alarm.</summary>
    Unchanged,

    /// <summary>B's latency 5% above A's.</summary>
    Latency5,

    /// <summary>B's latency 10% above A's.</summary>
    Latency10,

    /// <summary>A throughput-bound endpoint whose capacity is 5% lower on B.</summary>
    Throughput5,
}
