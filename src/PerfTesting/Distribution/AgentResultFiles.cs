using System.Text.Json;
using System.Text.Json.Serialization;
using PerfTesting.Baselines;
using PerfTesting.Reporting.Exporters;
using PerfTesting.Reporting.Model;

namespace PerfTesting.Distribution;

/// <summary>
/// An agent's result on disk: a folder with agent.json (everything the merge needs), results.json
/// (the usual report) and histogram.hlog (HdrHistogram interval log, one interval per second). Object
/// stores are the CLI's business: it uploads and downloads these folders as they are.
/// </summary>
public static class AgentResultFiles
{
    /// <summary>The file the merge reads.</summary>
    public const string AgentFileName = "agent.json";

    /// <summary>Settings for agent.json.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the agent's folder into <paramref name="directory"/>.</summary>
    /// <param name="result">The agent's result.</param>
    /// <param name="directory">The folder (created if needed).</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>The paths written.</returns>
    public static Task<IReadOnlyList<string>> WriteAsync(AgentResult result, string directory, CancellationToken cancellationToken = default) =>
        WriteAsync(result, directory, TimeProvider.System, cancellationToken);

    /// <summary>Writes the agent's folder into <paramref name="directory"/>.</summary>
    /// <param name="result">The agent's result.</param>
    /// <param name="directory">The folder (created if needed).</param>
    /// <param name="time">The clock that dates the report.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>The paths written.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(AgentResult result, string directory, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var report = new PerfReport(
            $"{result.TestId}: agent {result.AgentIndex} of {result.AgentCount} (segment {result.Segment})",
            time.GetUtcNow(),
            EnvironmentFingerprint.Capture(),
            [.. result.Runs.Select(r => RunReports.From(r))],
            [$"Agent {result.AgentIndex} of {result.AgentCount}, segment {result.Segment} of {result.Sequence}; merge the agents' folders with `perftest merge`."]);
        var written = new List<string>(await new ReportWriter([JsonReportExporter.Full, HdrHistogramLogExporter.Default])
            .WriteAsync(report, directory, cancellationToken).ConfigureAwait(false));
        var path = Path.Combine(directory, AgentFileName);
        var file = File.Create(path);
        await using (file.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(file, result, SerializerOptions, cancellationToken).ConfigureAwait(false);
        }

        written.Add(path);
        return written;
    }

    /// <summary>Reads every agent.json in <paramref name="directory"/> and its subfolders.</summary>
    /// <param name="directory">Where the agents' folders are.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The results, in path order.</returns>
    /// <exception cref="InvalidDataException">A file is not an agent result.</exception>
    public static async Task<IReadOnlyList<AgentResult>> ReadAllAsync(string directory, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No results directory '{directory}'.");
        }

        var results = new List<AgentResult>();
        foreach (var path in Directory.EnumerateFiles(directory, AgentFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            results.Add(await ReadAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Reads one agent.json.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="InvalidDataException">The file is not an agent result.</exception>
    public static async Task<AgentResult> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            AgentResult? result;
            try
            {
                result = await JsonSerializer.DeserializeAsync<AgentResult>(file, SerializerOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path} is not an agent result: {e.Message}", e);
            }

            return result is not null && result.Schema == AgentResult.CurrentSchema && result.Runs is not null
                ? result
                : throw new InvalidDataException($"{path} is not a {AgentResult.CurrentSchema} document.");
        }
    }
}
