using PerfTesting.Comparison;
using Xunit;

namespace PerfTesting.Xunit.Comparison;

/// <summary>
/// Turns an A/B comparison into a test result: the table goes to the test output, and Regressed (only
/// Regressed: Same, Improved and Inconclusive pass) fails the test with the table as its message.
/// </summary>
public static class ABAssert
{
    /// <summary>Fails the test when any metric of <paramref name="comparison"/> regressed.</summary>
    /// <param name="comparison">A finished comparison.</param>
    public static void NoRegression(ABComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var table = ABComparisonTable.Render(comparison);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        if (comparison.Overall == Verdict.Regressed)
        {
            throw new ABRegressionException(table);
        }
    }

    /// <summary>Fails the test unless the overall verdict is <paramref name="expected"/> (for a test that checks an optimisation is Improved, say).</summary>
    /// <param name="comparison">A finished comparison.</param>
    /// <param name="expected">The verdict the test expects.</param>
    public static void HasVerdict(ABComparison comparison, Verdict expected)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var table = ABComparisonTable.Render(comparison);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        if (comparison.Overall != expected)
        {
            throw new ABRegressionException($"Expected {expected}, got {comparison.Overall}.{System.Environment.NewLine}{table}");
        }
    }
}
