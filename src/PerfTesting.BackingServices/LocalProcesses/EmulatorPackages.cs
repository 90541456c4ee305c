using System.Security.Cryptography;

namespace PerfTesting.BackingServices.LocalProcesses;

/// <summary>
/// The npm emulators pinned by the package.json and lockfile embedded in this assembly (copied from
/// the repository's <c>tools/emulators</c> at build time). They are written into a per-user cache
/// folder named after the lockfile's hash and installed there with <c>npm ci</c> the first time they
/// are needed, so the package works outside a clone of the repository; a file lock keeps test
/// assemblies that start at the same moment from installing into the same folder at once.
/// <c>PERF_EMULATORS_DIR</c> names another folder holding a package.json instead.
/// </summary>
internal sealed class EmulatorPackages
{
    /// <summary>Environment variable naming the folder that holds the emulators' package.json.</summary>
    public const string DirectoryVariable = "PERF_EMULATORS_DIR";

    private const string ResourcePrefix = "PerfTesting.BackingServices.Emulators.";

    private static readonly string[] PinnedFiles = ["package.json", "package-lock.json"];

    private const string InstallHint =
        "The local-process provider needs Node.js 20+ and npm (Debian: apt-get install nodejs npm) and the npm registry to install s3rver and dynalite once.";

    private EmulatorPackages(string directory) => Directory = directory;

    /// <summary>The folder holding package.json and, once installed, node_modules.</summary>
    public string Directory { get; }

    /// <summary>The s3rver entry point.</summary>
    public string S3rverScript => Path.Combine(Directory, "node_modules", "s3rver", "bin", "s3rver.js");

    /// <summary>The dynalite entry point.</summary>
    public string DynaliteScript => Path.Combine(Directory, "node_modules", "dynalite", "cli.js");

    /// <summary>
    /// The per-user folder the embedded lockfile is installed into:
    /// <c>$XDG_CACHE_HOME/perftesting/emulators/HASH</c> (default <c>~/.cache</c>; on Windows the local
    /// application data folder), where HASH is the first 16 hex digits of the lockfile's SHA-256, so
    /// a new pin installs beside the old one instead of over it.
    /// </summary>
    public static string CacheDirectory
    {
        get
        {
            var root = System.Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : OperatingSystem.IsWindows()
                    ? System.Environment.GetFolderPath(System.Environment.SpecialFolder.LocalApplicationData)
                    : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache");
            var hash = Convert.ToHexStringLower(SHA256.HashData(Embedded("package-lock.json")))[..16];
            return Path.Combine(root, "perftesting", "emulators", hash);
        }
    }

    /// <summary>Finds or writes the emulators' folder and installs them if they are not yet installed.</summary>
    public static async Task<EmulatorPackages> EnsureInstalledAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var configured = Configured();
        var packages = new EmulatorPackages(configured ?? CacheDirectory);
        if (packages.IsInstalled())
        {
            return packages;
        }

        System.IO.Directory.CreateDirectory(packages.Directory);
        var lockPath = Path.Combine(packages.Directory, ".install.lock");
        using var installLock = await AcquireAsync(lockPath, time, cancellationToken).ConfigureAwait(false);
        if (!packages.IsInstalled())
        {
            if (configured is null)
            {
                await packages.WritePinnedFilesAsync(cancellationToken).ConfigureAwait(false);
            }

            await ShortCommand.RunAsync(
                ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                packages.Directory,
                InstallHint,
                TimeSpan.FromMinutes(5),
                time,
                cancellationToken).ConfigureAwait(false);
        }

        return packages;
    }

    private bool IsInstalled() => File.Exists(S3rverScript) && File.Exists(DynaliteScript);

    private static string? Configured()
    {
        if (System.Environment.GetEnvironmentVariable(DirectoryVariable) is not { Length: > 0 } configured)
        {
            return null;
        }

        return File.Exists(Path.Combine(configured, "package.json"))
            ? configured
            : throw new BackingServicesUnavailableException(
                $"{DirectoryVariable}={configured} holds no package.json. Point it at a folder holding the emulators' package.json and package-lock.json, or unset it to use the pinned ones in {CacheDirectory}.");
    }

    private async Task WritePinnedFilesAsync(CancellationToken cancellationToken)
    {
        foreach (var name in PinnedFiles)
        {
            await File.WriteAllBytesAsync(Path.Combine(Directory, name), Embedded(name), cancellationToken).ConfigureAwait(false);
        }
    }

    private static byte[] Embedded(string name)
    {
        using var stream = typeof(EmulatorPackages).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"{ResourcePrefix}{name} is not embedded in {typeof(EmulatorPackages).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<FileStream> AcquireAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (time.GetElapsedTime(started) < TimeSpan.FromMinutes(6))
            {
                // Another test assembly is installing; its npm ci takes seconds.
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
