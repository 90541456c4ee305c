namespace PerfTesting.Measurement;

/// <summary>
/// Exact request accounting of the measured window: Started = Succeeded + Failed + Cancelled, and in
/// the open model Dropped arrivals never started. Warm-up requests are not counted.
/// </summary>
/// <param name="Started">Requests that began in the measured window.</param>
/// <param name="Succeeded">Completed successfully.</param>
/// <param name="Failed">Completed with an error.</param>
/// <param name="Cancelled">Still in flight when the run was cancelled (not the target's fault, not failures).</param>
/// <param name="Dropped">Open-model arrivals that found the in-flight cap reached.</param>
/// <param name="Bytes">Response bytes read.</param>
public sealed record RunTotals(long Started, long Succeeded, long Failed, long Cancelled, long Dropped, long Bytes)
{
    /// <summary>Succeeded plus failed.</summary>
    public long Completed => Succeeded + Failed;
}
