using Xunit.Sdk;

namespace PerfTesting.Xunit.Comparison;

/// <summary>A test failure whose message is the A/B comparison table (metric, A, B, change, confidence interval, verdict).</summary>
public sealed class ABRegressionException : XunitException
{
    /// <summary>Creates the failure.</summary>
    /// <param name="table">The rendered comparison.</param>
    public ABRegressionException(string table)
        : base(table)
    {
    }
}
