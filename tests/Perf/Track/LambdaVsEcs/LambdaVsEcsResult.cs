using PerfTesting.Reporting.Model;
using PerfTesting.Tables;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>What the comparison adds to the track's report: its runs, its tables and its notes.</summary>
internal sealed record LambdaVsEcsResult(IReadOnlyList<RunReport> Runs, IReadOnlyList<ReportTable> Tables, IReadOnlyList<string> Notes);
