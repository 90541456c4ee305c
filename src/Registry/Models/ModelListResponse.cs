using System.Text.Json.Serialization;

namespace Registry.Models;

/// <summary>A page of the model list.</summary>
internal sealed record ModelListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<ModelResponse> Items,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);
