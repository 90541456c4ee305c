using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace PerfTesting.Baselines;

/// <summary>
/// Where a measurement was taken. Two runs are comparable only on the same CPU model, core count,
/// operating system, runtime major version and build configuration (when both record one); the commit is
/// kept for the record, not compared.
/// </summary>
/// <param name="CpuModel">The CPU's model name (from /proc/cpuinfo on Linux).</param>
/// <param name="Cores">Logical processors available to the process.</param>
/// <param name="Os">The operating system description.</param>
/// <param name="Runtime">The .NET runtime description.</param>
/// <param name="Commit">The source commit measured, when known (GITHUB_SHA or git HEAD).</param>
public sealed record EnvironmentFingerprint(string CpuModel, int Cores, string Os, string Runtime, string? Commit)
{
    /// <summary>
    /// The build configuration of what measured ("Debug" or "Release", <see cref="BuildConfiguration"/>); null
    /// when unknown (a fingerprint written before it was recorded). A Debug build's timings are the
    /// unoptimized code's: a baseline taken in Release does not gate a Debug run, nor the reverse.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Configuration { get; init; }

    /// <summary>Describes the machine this process runs on, and the build configuration of its entry assembly.</summary>
    /// <returns>The fingerprint.</returns>
    public static EnvironmentFingerprint Capture() => new(
        ReadCpuModel(),
        System.Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadCommit())
    {
        Configuration = BuildConfiguration.OfEntryAssembly(),
    };

    /// <summary>Whether a run here can be compared with a baseline taken there, and if not, why.</summary>
    /// <param name="other">The other fingerprint.</param>
    /// <returns>Null when comparable, otherwise the differences.</returns>
    public string? DifferenceFrom(EnvironmentFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        if (CpuModel != other.CpuModel)
        {
            differences.Add($"CPU '{other.CpuModel}' vs '{CpuModel}'");
        }

        if (Cores != other.Cores)
        {
            differences.Add($"{other.Cores} vs {Cores} cores");
        }

        if (OsFamily(Os) != OsFamily(other.Os))
        {
            differences.Add($"OS '{other.Os}' vs '{Os}'");
        }

        if (RuntimeMajor(Runtime) != RuntimeMajor(other.Runtime))
        {
            differences.Add($"runtime '{other.Runtime}' vs '{Runtime}'");
        }

        if (Configuration is not null && other.Configuration is not null && Configuration != other.Configuration)
        {
            differences.Add($"{other.Configuration} vs {Configuration} build");
        }

        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static string OsFamily(string os) => os.Split(' ', 2)[0];

    private static string RuntimeMajor(string runtime) =>
        runtime.Split(' ').LastOrDefault(part => part.Length > 0 && char.IsAsciiDigit(part[0]))?.Split('.')[0] ?? runtime;

    private static string ReadCpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line?.Split(':', 2) is [_, var model])
            {
                return model.Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string? ReadCommit()
    {
        if (System.Environment.GetEnvironmentVariable("GITHUB_SHA") is { Length: > 0 } sha)
        {
            return sha;
        }

        // .git/HEAD of the working tree, found upwards from the current directory; no git process needed.
        for (var dir = new DirectoryInfo(System.Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var head = Path.Combine(dir.FullName, ".git", "HEAD");
            if (!File.Exists(head))
            {
                continue;
            }

            var content = File.ReadAllText(head).Trim();
            if (!content.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return content;
            }

            var reference = Path.Combine(dir.FullName, ".git", content[5..]);
            return File.Exists(reference) ? File.ReadAllText(reference).Trim() : null;
        }

        return null;
    }
}
