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

    /// <summary>Failed divided by completed requests; see <see cref="ErrorRateOf"/> for the rule.</summary>
    public double ErrorRate => ErrorRateOf(Failed, Completed);

    /// <summary>
    /// The one definition of error rate used everywhere (results, scenarios, baselines, reports, SLAs):
    /// failed requests divided by completed ones (succeeded + failed; cancelled and dropped requests are
    /// not completed), and 0 when nothing completed, since no request failed. A rate of 0 from an empty
    /// run proves nothing, so an SLA on error rate still fails a run in which no request completed.
    /// </summary>
    /// <param name="failed">Requests that completed with an error.</param>
    /// <param name="completed">Requests that completed (succeeded + failed).</param>
    /// <returns>A share from 0 to 1.</returns>
    public static double ErrorRateOf(long failed, long completed) => completed <= 0 ? 0 : (double)failed / completed;
}
