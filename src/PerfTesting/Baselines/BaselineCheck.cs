using PerfTesting.Comparison;

namespace PerfTesting.Baselines;

/// <summary>
/// The accept flow around a comparison: compare with the committed baseline; a check that fails (a
/// regression, a missing baseline, a baseline from another environment) writes <c>NAME.received.json</c>
/// beside it, and a passing one writes none. With <c>PERF_ACCEPT=1</c> the received file (what the previous
/// run measured, the one you reviewed) becomes the baseline; when nothing was received, this run becomes the
/// baseline if there is none yet or if it passed with a verdict other than Same (Improved, Inconclusive); a
/// regression is compared as usual, so it fails and writes its received file for review first. Returns findings and never throws for a verdict: the xunit
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
            // Only a failing check offers its run for acceptance: an informational comparison passes and leaves the tree clean.
            var received = options.InformationalAcrossEnvironments
                ? DeleteReceived(store, current.Name)
                : await store.WriteReceivedAsync(current, cancellationToken).ConfigureAwait(false);
            return new BaselineOutcome(current.Name, BaselineStatus.NotComparable, comparison, received) { Informational = options.InformationalAcrossEnvironments };
        }

        if ((accept ?? AcceptRequested) && comparison.Overall is Verdict.Improved or Verdict.Inconclusive)
        {
            // Accept mode with nothing received: a passing run that differs (improved, or one the old baseline cannot
            // judge, such as a baseline without per-second histograms) wrote no received file, so it becomes the baseline.
            var path = await store.WriteBaselineAsync(current, cancellationToken).ConfigureAwait(false);
            return new BaselineOutcome(current.Name, BaselineStatus.Accepted, comparison, path) { AcceptedFrom = AcceptSource.ThisRun };
        }

        // A regression offers the new measurement for acceptance; a passing run (Same, Improved, Inconclusive) writes
        // nothing and removes a stale received file, so a green run never leaves a file for `perftest accept` to take.
        var written = comparison.Overall == Verdict.Regressed
            ? await store.WriteReceivedAsync(current, cancellationToken).ConfigureAwait(false)
            : DeleteReceived(store, current.Name);
        return new BaselineOutcome(current.Name, BaselineStatus.Compared, comparison, written);
    }

    private static string? DeleteReceived(BaselineStore store, string name)
    {
        File.Delete(store.ReceivedPath(name));
        return null;
    }
}
