using Xunit.Sdk;

namespace PerfTesting.Xunit.Assertions;

/// <summary>A failed <see cref="PerfAssert.PassesAsync"/>: the message holds every broken SLA line, the baseline table and where the reports are.</summary>
public sealed class PerfCheckFailedException : XunitException
{
    /// <summary>Creates the failure.</summary>
    /// <param name="message">The rendered tables.</param>
    public PerfCheckFailedException(string message)
        : base(message)
    {
    }
}
