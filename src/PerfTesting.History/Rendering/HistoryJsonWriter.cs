using System.Text.Json;
using System.Text.Json.Serialization;
using PerfTesting.History.Analysis;

namespace PerfTesting.History.Rendering;

/// <summary>The analysis as JSON (schema <see cref="HistoryAnalysis.CurrentSchema"/>): camelCase, enums as names, numbers invariant.</summary>
public static class HistoryJsonWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the analysis.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="output">Where to.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when written.</returns>
    public static Task WriteAsync(HistoryAnalysis analysis, Stream output, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(output, analysis, Options, cancellationToken);

    /// <summary>Reads an analysis back.</summary>
    /// <param name="input">The JSON.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The analysis.</returns>
    public static async Task<HistoryAnalysis> ReadAsync(Stream input, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync<HistoryAnalysis>(input, Options, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidDataException("The history analysis JSON is empty.");
}
