using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfTesting.Baselines;

/// <summary>Reads and writes baseline files (camelCase JSON, enums as text, indented for reviewable diffs).</summary>
public static class BaselineJson
{
    /// <summary>The serializer options baseline files use.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes a snapshot as JSON text.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(BaselineSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    /// <summary>Reads a snapshot, checking its schema.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="InvalidDataException">The text is not a baseline of a schema this library reads.</exception>
    public static BaselineSnapshot Deserialize(string json)
    {
        BaselineSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize<BaselineSnapshot>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a baseline file: {e.Message}", e);
        }

        if (snapshot is null || snapshot.Schema != BaselineSnapshot.CurrentSchema)
        {
            throw new InvalidDataException($"Baseline schema '{snapshot?.Schema}' is not '{BaselineSnapshot.CurrentSchema}'.");
        }

        return snapshot;
    }
}
