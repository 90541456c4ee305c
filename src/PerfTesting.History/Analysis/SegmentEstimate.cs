namespace PerfTesting.History.Analysis;

/// <summary>The level of a metric over a segment of runs: mean with its 95% interval (Student's t).</summary>
/// <param name="Mean">The segment's mean (outliers clipped, as the detector saw it).</param>
/// <param name="Lower">Lower end of the 95% interval of the mean.</param>
/// <param name="Upper">Upper end.</param>
/// <param name="Runs">Runs in the segment.</param>
public sealed record SegmentEstimate(double Mean, double Lower, double Upper, int Runs);
