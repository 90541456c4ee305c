using System.Runtime.InteropServices;

namespace PerfTesting.Measurement;

/// <summary>Where and when a run happened.</summary>
/// <param name="Machine">The host name.</param>
/// <param name="Os">The operating system.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="Cores">Logical processors.</param>
/// <param name="StartedAt">Start of the measured window.</param>
/// <param name="EndedAt">End of the measured window.</param>
public sealed record RunEnvironment(string Machine, string Os, string Runtime, int Cores, DateTimeOffset StartedAt, DateTimeOffset EndedAt)
{
    /// <summary>This machine, for a window.</summary>
    /// <param name="startedAt">Start.</param>
    /// <param name="endedAt">End.</param>
    public static RunEnvironment Here(DateTimeOffset startedAt, DateTimeOffset endedAt) => new(
        System.Environment.MachineName, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
        System.Environment.ProcessorCount, startedAt, endedAt);
}
