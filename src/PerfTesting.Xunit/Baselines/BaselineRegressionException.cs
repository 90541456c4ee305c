using Xunit.Sdk;

namespace PerfTesting.Xunit.Baselines;

/// <summary>
/// A test failure whose message is the baseline comparison table; an assertion failure, so runners
/// show it as a failed check rather than as a crash.
/// </summary>
public sealed class BaselineRegressionException : XunitException
{
    /// <summary>Creates the failure.</summary>
    /// <param name="table">The rendered comparison.</param>
    public BaselineRegressionException(string table)
        : base(table)
    {
    }
}
