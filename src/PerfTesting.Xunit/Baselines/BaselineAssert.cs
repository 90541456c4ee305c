using PerfTesting.Baselines;
using PerfTesting.Measurement;
using Xunit;

namespace PerfTesting.Xunit.Baselines;

/// <summary>
/// Turns a baseline check into a test result: the comparison table goes to the test output, and a
/// regression, a missing baseline or a baseline that cannot be compared (measured in another
/// environment, unless <see cref="ComparisonOptions.InformationalAcrossEnvironments"/> is set) fails
/// the test with that table as its message.
/// </summary>
public static class BaselineAssert
{
    /// <summary>
    /// Checks <paramref name="result"/> against its baseline in the test project's <c>Baselines</c>
    /// folder (or <paramref name="store"/>) and fails the test on a regression. The baseline's name is
    /// <paramref name="name"/>, else the run's name with characters a file name cannot hold replaced by <c>-</c>.
    /// </summary>
    /// <param name="result">This run.</param>
    /// <param name="store">Where baselines live; <see cref="BaselineStore.ForTestProject"/> when null.</param>
    /// <param name="options">Tolerances, significance, what to do with a baseline from another environment.</param>
    /// <param name="name">The baseline's name; the run's name when null.</param>
    /// <param name="cancellationToken">Stops file access; the test's token when default.</param>
    /// <returns>The outcome, for reports.</returns>
    public static Task<BaselineOutcome> NoRegressionAsync(
        RunResult result,
        BaselineStore? store = null,
        ComparisonOptions? options = null,
        string? name = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return NoRegressionAsync(
            store ?? BaselineStore.ForTestProject(),
            result.ToBaselineSnapshot(name ?? BaselineName(result.Name)),
            options,
            cancellationToken == default ? TestContext.Current.CancellationToken : cancellationToken);
    }

    /// <summary>A baseline file name for a run name: letters, digits, '-', '_' and '.' kept, anything else becomes '-'.</summary>
    /// <param name="runName">A run or test name, e.g. a test's display name.</param>
    /// <returns>A name <see cref="BaselineStore"/> accepts.</returns>
    public static string BaselineName(string runName)
    {
        ArgumentException.ThrowIfNullOrEmpty(runName);
        var chars = runName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var name = new string(chars).Trim('.', '-');
        return name.Length == 0 ? "run" : name;
    }

    /// <summary>Checks <paramref name="current"/> against the committed baseline and fails the test on a regression.</summary>
    /// <param name="store">Where baselines live.</param>
    /// <param name="current">This run.</param>
    /// <param name="options">Tolerances and significance.</param>
    /// <param name="cancellationToken">Stops file access.</param>
    /// <returns>The outcome, for reports.</returns>
    public static async Task<BaselineOutcome> NoRegressionAsync(
        BaselineStore store,
        BaselineSnapshot current,
        ComparisonOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var outcome = await BaselineCheck.RunAsync(store, current, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        NoRegression(outcome);
        return outcome;
    }

    /// <summary>Fails the test when <paramref name="outcome"/> regressed or had no baseline; writes the table either way.</summary>
    /// <param name="outcome">A finished check.</param>
    public static void NoRegression(BaselineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var table = ComparisonTable.Render(outcome);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        if (outcome.IsFailure)
        {
            throw new BaselineRegressionException(table);
        }
    }
}
