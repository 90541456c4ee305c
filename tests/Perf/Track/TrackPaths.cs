namespace Tests.Perf.Track;

/// <summary>Where the track reads baselines and writes reports: under the repository root.</summary>
internal static class TrackPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>artifacts/perf, or PERF_ARTIFACTS.</summary>
    public static string Artifacts => Environment.GetEnvironmentVariable("PERF_ARTIFACTS") is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(RepositoryRoot, "artifacts", "perf");

    /// <summary>tests/Perf/Baselines: committed, one file per workload and profile.</summary>
    public static string Baselines => Path.Combine(RepositoryRoot, "tests", "Perf", "Baselines");

    public static string Document => Path.Combine(RepositoryRoot, "docs", "performance-report.md");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Registry.sln not found above " + AppContext.BaseDirectory);
    }
}
