namespace PerfTesting.Reporting.Charts;

/// <summary>How a line chart lays out its horizontal axis.</summary>
internal enum XAxisKind
{
    /// <summary>Evenly spaced values, such as seconds since the start of a run.</summary>
    Linear,

    /// <summary>
    /// Percentiles (0 to 100) spread by 1/(1-p), as HdrHistogram plots do, so that the tail
    /// (99, 99.9, 99.99) gets as much room as the body.
    /// </summary>
    Percentile,
}
