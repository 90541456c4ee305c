using Registry.Models;

namespace Registry.Performance;

/// <summary>A validated workload: what the background run will do.</summary>
internal sealed record WorkloadPlan(int Clients, ModelKey Model, TimeSpan Duration, int? RequestsPerClient)
{
    public const int MaxClients = 1000;
    public const int MaxDurationSeconds = 3600;
    public const int MaxRequestsPerClient = 1_000_000;

    /// <summary>Checks ranges and the id; whether the model exists is checked by the caller.</summary>
    public static bool TryCreate(WorkloadRequest request, out WorkloadPlan? plan, out string? error)
    {
        plan = null;
        error = request.NumClients is < 1 or > MaxClients ? $"num_clients must be 1 to {MaxClients}."
            : request.DurationSeconds is < 1 or > MaxDurationSeconds ? $"duration_seconds must be 1 to {MaxDurationSeconds}."
            : request.RequestsPerClient is < 1 or > MaxRequestsPerClient ? $"requests_per_client must be null or 1 to {MaxRequestsPerClient}."
            : request.ArtifactId is not (null or "model.zip") ? "artifact_id must be null or \"model.zip\": the archive is the only artifact."
            : null;
        if (error is not null)
        {
            return false;
        }

        if (!ModelKey.TryParse(request.ModelId, request.Version, out var key, out error))
        {
            return false;
        }

        plan = new WorkloadPlan(request.NumClients, key, TimeSpan.FromSeconds(request.DurationSeconds), request.RequestsPerClient);
        return true;
    }
}
