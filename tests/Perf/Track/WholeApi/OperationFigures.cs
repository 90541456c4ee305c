namespace Tests.Perf.Track.WholeApi;

/// <summary>The DynamoDB operations captured while one endpoint ran alone, and the requests it was sent.</summary>
/// <param name="Endpoint">The endpoint (and store) as in the per-endpoint table.</param>
/// <param name="Requests">Requests started in that run (cancelled ones at the window's end included).</param>
/// <param name="Operations">Each operation's calls and latency, from the registry's tagged instrument.</param>
internal sealed record OperationFigures(string Endpoint, long Requests, IReadOnlyList<TaggedLatency> Operations);
