using Xunit.Sdk;

namespace PerfTesting.Xunit.Assertions;

/// <summary>A test failure whose message is the SLA table.</summary>
public sealed class SlaBreachedException : XunitException
{
    /// <summary>Creates the failure.</summary>
    /// <param name="table">The SLA table.</param>
    public SlaBreachedException(string table)
        : base(table)
    {
    }
}
