using PerfTesting.BackingServices;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>The seeded registry data a run downloads from: its names (bucket, tables) and the archive size seeded there.</summary>
internal sealed record LambdaVsEcsTarget(IsolatedNames Names, long ArchiveBytes);
