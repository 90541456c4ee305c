using System.Text.Json.Serialization;

namespace Registry.Models;

/// <summary>A model version as the API returns it.</summary>
internal sealed record ModelResponse(
    [property: JsonPropertyName("model_id")] string ModelId,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("size_bytes")] long? SizeBytes,
    [property: JsonPropertyName("sha256")] string? Sha256,
    [property: JsonPropertyName("storage_backend")] string? StorageBackend,
    [property: JsonPropertyName("has_archive")] bool HasArchive,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, string> Metadata,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("download_url")] string? DownloadUrl)
{
    /// <summary>Maps a catalog record.</summary>
    public static ModelResponse From(ModelRecord record) => new(
        record.Key.ModelId,
        record.Key.Version,
        record.Archive?.SizeBytes,
        record.Archive?.Sha256,
        record.Archive?.Backend,
        record.Archive is not null,
        record.Metadata,
        record.CreatedAt,
        record.Archive is null ? null : $"/models/{record.Key.Owner}/{record.Key.Name}/{record.Key.Version}/model.zip");
}
