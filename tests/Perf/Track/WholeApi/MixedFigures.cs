namespace Tests.Perf.Track.WholeApi;

/// <summary>One mixed-user run: the whole mix's figures (milliseconds, requests per second).</summary>
internal sealed record MixedFigures(int Users, string RunName, long Requests, double MeanMs, double P95Ms, double ErrorRate, double RequestsPerSecond);
