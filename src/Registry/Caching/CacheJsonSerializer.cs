using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Hybrid;
using Registry.Models;

namespace Registry.Caching;

/// <summary>
/// JSON for cached records and pages in Redis. <see cref="ModelKey"/> is written as its catalog key,
/// so it is parsed (and validated) again on the way back.
/// </summary>
internal sealed class CacheJsonSerializer<T> : IHybridCacheSerializer<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new ModelKeyConverter() } };

    public T Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize<T>(ref reader, Options) ?? throw new JsonException($"A cached {typeof(T).Name} was null.");
    }

    public void Serialize(T value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, Options);
    }

    private sealed class ModelKeyConverter : JsonConverter<ModelKey>
    {
        public override ModelKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ModelKey.FromCatalogKey(reader.GetString() ?? throw new JsonException("A cached model key was null."));

        public override void Write(Utf8JsonWriter writer, ModelKey value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.CatalogKey);
    }
}
