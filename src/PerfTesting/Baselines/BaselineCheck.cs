using PerfTesting.Comparison;

namespace PerfTesting.Baselines;

/// <summary>
/// The accept flow around a comparison: compare with the committed baseline; on a change, a missing
/// baseline or a baseline from another environment write <c>NAME.received.json</c> beside it. With
/// <c>PERF_ACCEPT=1</c> the received file (what the previous run measured, the one you reviewed) becomes
/// the baseline; when nothing was received and no baseline exists yet, this run becomes the baseline;
/// otherwise the run is compared as usual. Returns findings and never throws for a verdict: the xunit
/// layer decides.
/// </summary>
public static class BaselineCheck
{
    /// <summary>The environment variable that turns on accept mode.</summary>
    public const string AcceptVariable = "PERF_ACCEPT";

    /// <summary>True when PERF_ACCEPT is 1 or true.</summary>
    public static bool AcceptRequested =>
        System.Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true" or "TRUE" or "True";

    /// <summary>Checks <paramref name="current"/> against the store's baseline of the same name.</summary>
    /// <param name="store">Where baselines live.</param>
    /// <param name="current">This run.</param>
    /// <param name="options">Tolerances and significance.</param>
    /// <param name="accept">Accept mode (see the type); defaults to <see cref="AcceptRequested"/>.</param>
    /// <param name="cancellationToken">Stops file access.</param>
    /// <returns>What was done and found.</returns>
    public static async Task<BaselineOutcome> RunAsync(
        BaselineStore store,
        BaselineSnapshot current,
        ComparisonOptions? options = null,
        bool? accept = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(current);
        options ??= ComparisonOptions.Default;
        var baseline = await store.LoadAsync(current.Name, cancellationToken).ConfigureAwait(false);
        if (accept ?? AcceptRequested)
        {
            if (store.AcceptReceived(current.Name) is { } acceptedPath)
            {
                return new BaselineOutcome(current.Name, BaselineStatus.Accepted, null, acceptedPath) { AcceptedFrom = AcceptSource.Received };
            }

            if (baseline is null)
            {
                var path = await store.WriteBaselineAsync(current, cancellationToken).ConfigureAwait(false);
                return new BaselineOutcome(current.Name, BaselineStatus.Accepted, null, path) { AcceptedFrom = AcceptSource.ThisRun };
            }
        }

        if (baseline is null)
        {
            var received = await store.WriteReceivedAsync(current, cancellationToken).ConfigureAwait(false);
            return new BaselineOutcome(current.Name, BaselineStatus.Missing, null, received);
        }

        var comparison = BaselineComparer.Compare(baseline, current, options);
        if (!comparison.Comparable)
        {
            var received = await store.WriteReceivedAsync(current, cancellationToken).ConfigureAwait(false);
            return new BaselineOutcome(current.Name, BaselineStatus.NotComparable, comparison, received) { Informational = options.InformationalAcrossEnvironments };
        }

        string? written = null;
        if (comparison.Overall != Verdict.Same)
        {
            // Improved or regressed: offer the new measurement for acceptance.
            written = await store.WriteReceivedAsync(current, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            File.Delete(store.ReceivedPath(current.Name));
        }

        return new BaselineOutcome(current.Name, BaselineStatus.Compared, comparison, written);
    }
}
