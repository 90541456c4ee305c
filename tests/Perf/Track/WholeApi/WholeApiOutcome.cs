using PerfTesting.Reporting.Model;
using PerfTesting.Tables;

namespace Tests.Perf.Track.WholeApi;

/// <summary>What the whole-API measurement adds to the track's report: a few runs, the five tables, notes.</summary>
internal sealed record WholeApiOutcome(IReadOnlyList<RunReport> Runs, IReadOnlyList<ReportTable> Tables, IReadOnlyList<string> Notes);
