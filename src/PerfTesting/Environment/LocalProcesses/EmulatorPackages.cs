namespace PerfTesting.Environment.LocalProcesses;

/// <summary>
/// The npm emulators pinned in <c>tools/emulators</c> (package.json + lockfile). Installed with
/// <c>npm ci</c> the first time they are needed; a file lock keeps test assemblies that start at the
/// same moment from installing into the same folder at once.
/// </summary>
internal sealed class EmulatorPackages
{
    /// <summary>Environment variable naming the folder that holds the emulators' package.json.</summary>
    public const string DirectoryVariable = "PERF_EMULATORS_DIR";

    private const string InstallHint =
        "The local-process provider needs Node.js 20+ and npm (Debian: apt-get install nodejs npm) and the npm registry to install s3rver and dynalite once.";

    private EmulatorPackages(string directory) => Directory = directory;

    /// <summary>The folder holding package.json and, once installed, node_modules.</summary>
    public string Directory { get; }

    /// <summary>The s3rver entry point.</summary>
    public string S3rverScript => Path.Combine(Directory, "node_modules", "s3rver", "bin", "s3rver.js");

    /// <summary>The dynalite entry point.</summary>
    public string DynaliteScript => Path.Combine(Directory, "node_modules", "dynalite", "cli.js");

    /// <summary>Finds the emulators' folder and installs them if they are not yet installed.</summary>
    public static async Task<EmulatorPackages> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var packages = new EmulatorPackages(Locate());
        if (packages.IsInstalled())
        {
            return packages;
        }

        var lockPath = Path.Combine(packages.Directory, ".install.lock");
        using var installLock = await AcquireAsync(lockPath, cancellationToken).ConfigureAwait(false);
        if (!packages.IsInstalled())
        {
            await ShortCommand.RunAsync(
                ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                packages.Directory,
                InstallHint,
                TimeSpan.FromMinutes(5),
                cancellationToken).ConfigureAwait(false);
        }

        return packages;
    }

    private bool IsInstalled() => File.Exists(S3rverScript) && File.Exists(DynaliteScript);

    private static string Locate()
    {
        if (System.Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "package.json"))
                ? configured
                : throw new BackingServicesUnavailableException(
                    $"{DirectoryVariable}={configured} holds no package.json. Point it at the repository's tools/emulators folder.");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, System.Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tools", "emulators");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        throw new BackingServicesUnavailableException(
            $"Could not find tools/emulators/package.json above {AppContext.BaseDirectory}. Run from a clone of the repository, or set {DirectoryVariable} to the folder holding the emulators' package.json.");
    }

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(6);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTimeOffset.UtcNow < deadline)
            {
                // Another test assembly is installing; its npm ci takes seconds.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
