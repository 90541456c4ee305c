namespace PerfTesting.Analysis;

/// <summary>Names the instrument that times one component of a request (a storage read, a metadata lookup).</summary>
/// <param name="Component">A readable name, e.g. "S3 read".</param>
/// <param name="Instrument">The histogram instrument's name, e.g. registry.storage.read.duration.</param>
/// <param name="ErrorCounter">
/// A counter of that component's failures, if the service has one. It should count this component's
/// failures only: a counter shared by several components (a white-box capture sums a counter over its
/// tags) can only be blamed on all of them that ran.
/// </param>
public sealed record ComponentInstrument(string Component, string Instrument, string? ErrorCounter = null)
{
    /// <summary>
    /// The tag that picks this component's failures out of <see cref="ErrorCounter"/> when one counter
    /// counts several components' failures, tagged (e.g. component = s3): the capture must break the
    /// counter down by its key (<c>LoadRunnerOptions.MeterTags</c>). Null when the counter is this component's alone.
    /// </summary>
    public ComponentTag? ErrorTag { get; init; }
}
