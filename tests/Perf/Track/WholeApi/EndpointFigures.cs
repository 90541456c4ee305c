namespace Tests.Perf.Track.WholeApi;

/// <summary>One endpoint measured alone (and, when it took part, its share of the together run). Milliseconds.</summary>
internal sealed record EndpointFigures(
    string Endpoint,
    string Store,
    int Clients,
    long Requests,
    double MeanMs,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double RequestsPerSecond,
    double ErrorRate,
    double? TogetherP50Ms,
    double? TogetherP99Ms);
