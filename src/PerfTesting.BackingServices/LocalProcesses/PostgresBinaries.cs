namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>Finds the machine's PostgreSQL server binaries (initdb, postgres).</summary>
internal static class PostgresBinaries
{
    /// <summary>Environment variable naming the folder that holds initdb and postgres.</summary>
    public const string DirectoryVariable = "PERF_POSTGRES_BIN";

    /// <summary>Returns the folder holding initdb and postgres, newest major version first.</summary>
    public static string Locate()
    {
        if (System.Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
        {
            return HasServer(configured)
                ? configured
                : throw new BackingServicesUnavailableException($"{DirectoryVariable}={configured} holds no initdb and postgres.");
        }

        const string debianRoot = "/usr/lib/postgresql";
        var candidates = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(HasServer)
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var major) ? major : 0)
            : Enumerable.Empty<string>();
        var pathDirs = (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(HasServer);
        return candidates.Concat(pathDirs).FirstOrDefault()
            ?? throw new BackingServicesUnavailableException(
                "No PostgreSQL server binaries (initdb, postgres) found under /usr/lib/postgresql/*/bin or on PATH. "
                + $"Install them (Debian: apt-get install postgresql) or set {DirectoryVariable}.");
    }

    private static bool HasServer(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "postgres"));
}
