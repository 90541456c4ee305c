namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// The same request with or without a bearer token: client-side latency and the bearer handler's own
/// time per request (the registry's instrument, tag result none or success).
/// </summary>
internal sealed record AuthFigures(string Request, long Requests, double RequestsPerSecond, double MeanMs, double P50Ms, double P99Ms, TaggedLatency? Handler);
