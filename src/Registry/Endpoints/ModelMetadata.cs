using System.Text.Json;

namespace Registry.Endpoints;

/// <summary>Free-form metadata: a flat JSON object of strings, at most 64 keys of at most 128 characters.</summary>
internal static class ModelMetadata
{
    /// <summary>The header that carries metadata with an archive upload.</summary>
    public const string Header = "X-Model-Metadata";

    private const int MaxKeys = 64;
    private const int MaxKeyLength = 128;

    public static bool TryParse(string json, out Dictionary<string, string> metadata, out string? error)
    {
        metadata = [];
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "Metadata must be a JSON object of strings.";
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    error = $"Metadata value '{property.Name}' must be a string.";
                    return false;
                }

                if (property.Name.Length is 0 or > MaxKeyLength || property.Name.Any(char.IsControl) || !metadata.TryAdd(property.Name, property.Value.GetString()!))
                {
                    error = $"Metadata keys must be unique, 1-{MaxKeyLength} characters, without control characters.";
                    return false;
                }
            }
        }
        catch (JsonException e)
        {
            error = $"Metadata is not valid JSON: {e.Message}";
            return false;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json parses "\ud800" but cannot turn an unpaired surrogate into a .NET string.
            error = "Metadata keys and values must be valid Unicode text (an escaped surrogate is unpaired).";
            return false;
        }

        error = metadata.Count > MaxKeys ? $"At most {MaxKeys} metadata keys are allowed." : null;
        return error is null;
    }
}
