namespace Registry.Hosting;

/// <summary>A component's status word (shown to anyone) and its details (shown to a token holder).</summary>
internal sealed record HealthDescription(string Status, object Details);
