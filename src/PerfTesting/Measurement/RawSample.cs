namespace PerfTesting.Measurement;

/// <summary>One request, kept when raw-sample capture is on (bounded; the histogram stays the source of truth).</summary>
/// <param name="OffsetMs">When it started, in milliseconds since the measured window began.</param>
/// <param name="ClientId">The virtual client (or open-model slot).</param>
/// <param name="Scenario">The scenario's index in the run.</param>
/// <param name="LatencyMs">Its latency.</param>
/// <param name="StatusCode">Its status code (0 if none).</param>
/// <param name="Bytes">Response bytes read.</param>
/// <param name="Success">Whether it succeeded.</param>
public readonly record struct RawSample(double OffsetMs, int ClientId, int Scenario, double LatencyMs, int StatusCode, long Bytes, bool Success);
