using System.Globalization;
using System.Text.Json;

namespace PerfTesting.Reporting.Comparison;

/// <summary>
/// One comparison's folder under <c>perftest compare</c>'s output: the A/B report (report.md, report.html,
/// results.json) and generator.json, the load generator's CPU time during the rounds, so the command can
/// say whether the generator was saturated. Written by whoever ran the rounds (the command itself, or the
/// user's test through PerfTesting.Xunit).
/// </summary>
public static class CompareOutput
{
    /// <summary>The file with the generator's CPU time.</summary>
    public const string GeneratorFile = "generator.json";

    /// <summary>Writes the folder <paramref name="directory"/>.</summary>
    /// <param name="report">The comparison's report.</param>
    /// <param name="generatorCpu">CPU time the load generator's process used during the comparison.</param>
    /// <param name="directory">The folder (created when missing).</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    public static async Task WriteAsync(ABReport report, TimeSpan generatorCpu, string directory, CancellationToken cancellationToken = default)
    {
        await ABReportWriter.WriteAsync(report, directory, cancellationToken).ConfigureAwait(false);
        var json = string.Create(CultureInfo.InvariantCulture, $"{{\"generatorCpuSeconds\": {generatorCpu.TotalSeconds:0.###}}}\n");
        await File.WriteAllTextAsync(Path.Combine(directory, GeneratorFile), json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The generator CPU time recorded in <paramref name="directory"/>, or null when there is none.</summary>
    /// <param name="directory">A comparison's folder.</param>
    public static TimeSpan? ReadGeneratorCpu(string directory)
    {
        var path = Path.Combine(directory, GeneratorFile);
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return TimeSpan.FromSeconds(document.RootElement.GetProperty("generatorCpuSeconds").GetDouble());
    }

    /// <summary>A folder name for a comparison's name: letters, digits, '-' and '.', the rest '-'.</summary>
    /// <param name="name">The comparison's name (often a test's display name).</param>
    public static string FolderName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray();
        var folder = new string(chars).Trim('-');
        return folder.Length == 0 ? "comparison" : folder.Length > 80 ? folder[..80] : folder;
    }
}
