using System.Text.Json.Serialization;

namespace Registry.Health;

/// <summary>
/// The latest probe of one component. Without a token only <see cref="Status"/> is shown; a reader
/// also sees the latency, the kind of error and when the probe ran (never exception text, hosts or ports).
/// </summary>
internal sealed record ComponentProbe(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("latency_ms")] double? LatencyMs,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorKind,
    [property: JsonPropertyName("checked_at")] DateTimeOffset? CheckedAt)
{
    public static ComponentProbe Unknown { get; } = new("unknown", null, null, null);

    public object StatusOnly() => new { status = Status };
}
