using System.Reflection;

namespace PerfTesting.Baselines;

/// <summary>
/// The folder of the project that built the running tests, so that a relative baseline folder such as
/// <c>"Baselines"</c> lands beside the test project's source (where it is committed) and not in
/// <c>bin/</c>. Found, in this order: the assembly metadata <see cref="MetadataKey"/> that the
/// PerfTesting.Xunit package writes at build time (<c>$(MSBuildProjectDirectory)</c>) into the entry
/// assembly; the nearest folder above the output folder that holds a project file (<c>*.csproj</c>,
/// <c>*.fsproj</c>, <c>*.vbproj</c>); the current directory.
/// </summary>
public static class ProjectDirectory
{
    /// <summary>The <see cref="AssemblyMetadataAttribute"/> key holding the project's folder.</summary>
    public const string MetadataKey = "PerfTesting.ProjectDirectory";

    private static readonly Lazy<string> Found = new(() => Find(Assembly.GetEntryAssembly(), AppContext.BaseDirectory, System.Environment.CurrentDirectory));

    /// <summary>The running test project's folder (see the type's remarks for how it is found).</summary>
    public static string Current => Found.Value;

    /// <summary>Resolves <paramref name="path"/> against <see cref="Current"/> when it is relative.</summary>
    /// <param name="path">An absolute path, or one relative to the test project's folder.</param>
    /// <returns>A full path.</returns>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Current, path));
    }

    /// <summary>The project folder of <paramref name="assembly"/>, searched as <see cref="Current"/> is.</summary>
    /// <param name="assembly">The assembly whose metadata is read first (may be null).</param>
    /// <param name="outputDirectory">Where the assembly runs from; searched upwards for a project file.</param>
    /// <param name="fallback">Returned when neither finds a folder.</param>
    /// <returns>A full path.</returns>
    public static string Find(Assembly? assembly, string outputDirectory, string fallback)
    {
        ArgumentException.ThrowIfNullOrEmpty(fallback);
        var written = assembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey)?.Value;
        if (!string.IsNullOrEmpty(written) && Directory.Exists(written))
        {
            return Path.GetFullPath(written);
        }

        for (var directory = string.IsNullOrEmpty(outputDirectory) ? null : new DirectoryInfo(outputDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.Exists && directory.EnumerateFiles("*.*proj").Any(f => f.Extension is ".csproj" or ".fsproj" or ".vbproj"))
            {
                return directory.FullName;
            }
        }

        return Path.GetFullPath(fallback);
    }
}
