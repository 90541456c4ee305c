using System.Text.Json.Serialization;

namespace Registry.Performance;

/// <summary>
/// POST /health/performance/workload body. Every field is optional and defaults as in the seed;
/// unknown fields and wrong types are rejected by the deserializer options in <see cref="WorkloadJson"/>.
/// </summary>
internal sealed record WorkloadRequest
{
    [JsonPropertyName("num_clients")]
    public int NumClients { get; init; } = 100;

    [JsonPropertyName("model_id")]
    public string ModelId { get; init; } = "arnir0/Tiny-LLM";

    [JsonPropertyName("version")]
    public string Version { get; init; } = "1.0.0";

    /// <summary>The artifact to download; only the model archive exists, so null or "model.zip".</summary>
    [JsonPropertyName("artifact_id")]
    public string? ArtifactId { get; init; }

    [JsonPropertyName("duration_seconds")]
    public int DurationSeconds { get; init; } = 300;

    /// <summary>When set, each client stops after this many requests (or at the duration, whichever is first).</summary>
    [JsonPropertyName("requests_per_client")]
    public int? RequestsPerClient { get; init; }
}
