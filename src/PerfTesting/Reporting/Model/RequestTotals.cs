namespace PerfTesting.Reporting.Model;

/// <summary>Exact request accounting: started = succeeded + failed (+ in flight at cancellation); dropped never started.</summary>
/// <param name="Started">Requests that began.</param>
/// <param name="Succeeded">Requests that completed successfully.</param>
/// <param name="Failed">Requests that completed with an error.</param>
/// <param name="Dropped">Open-model arrivals that could not start on time (in-flight cap reached).</param>
/// <param name="Bytes">Response bytes read.</param>
public sealed record RequestTotals(long Started, long Succeeded, long Failed, long Dropped, long Bytes)
{
    /// <summary>Succeeded plus failed.</summary>
    public long Completed => Succeeded + Failed;
}
