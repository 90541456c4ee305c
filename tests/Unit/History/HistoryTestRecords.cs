using PerfTesting.History.Records;

namespace Tests.Unit.History;

/// <summary>History records built from given figures (no load is run).</summary>
internal static class HistoryTestRecords
{
    public static HistoryEnvironment Environment { get; } = new("Test CPU", 2, "Linux 6", ".NET 10.0.12", "Release", "ci");

    public static HistoryRecord Record(int n, string scenario = "download", double p50 = 10, HistoryEnvironment? environment = null) =>
        new($"commit{n:D4}", "main", DateTimeOffset.UnixEpoch.AddHours(n), scenario, environment ?? Environment,
            p50, p50 * 2, p50 * 3, 1000 - n, 0.001, 10_000 + n, n % 2 == 0 ? "HISTFAAAAB" : null);
}
