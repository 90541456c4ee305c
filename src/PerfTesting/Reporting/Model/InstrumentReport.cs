namespace PerfTesting.Reporting.Model;

/// <summary>One instrument of the service, summarised over the run's window.</summary>
/// <param name="Meter">The Meter's name.</param>
/// <param name="Name">The instrument's name.</param>
/// <param name="Unit">Its unit (ms, s, By, {request}).</param>
/// <param name="Kind">Histogram, counter, up-down counter or gauge.</param>
/// <param name="Count">Measurements recorded.</param>
/// <param name="Sum">Their sum.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="P50">Median (histograms), else null.</param>
/// <param name="P99">99th percentile (histograms), else null.</param>
/// <param name="Max">Largest measurement (for up-down counters: the peak level).</param>
public sealed record InstrumentReport(string Meter, string Name, string Unit, string Kind, long Count, double Sum, double Mean, double? P50, double? P99, double Max);
