using PerfTesting.Baselines;
using Xunit;

namespace PerfTesting.Xunit.Baselines;

/// <summary>
/// Turns a baseline check into a test result: the comparison table goes to the test output, and a
/// regression or a missing baseline fails the test with that table as its message.
/// </summary>
public static class BaselineAssert
{
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
