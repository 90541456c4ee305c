using PerfTesting.Load;
using Registry.Diagnostics;
using Tests.Shared;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// Authentication overhead: GET /tracks (anonymous, so both requests succeed) without an Authorization
/// header and with the reader's bearer token, each alone at the same clients. The registry
/// authenticates every request with its default scheme, so the only difference between the two is the
/// token's validation; the bearer handler's own time is read from its instrument (tag result).
/// </summary>
internal static class AuthRuns
{
    public static async Task<(AuthFigures Without, AuthFigures With)> RunAsync(
        RegistryRequests requests, Uri registry, WholeApiProfile profile, Func<string, LoadRunner> runner, CancellationToken ct)
    {
        var load = LoadProfile.Closed(profile.EndpointClients, profile.AuthWindow).WithWarmUp(TimeSpan.FromSeconds(0.5));
        var without = await MeasureAsync("GET /tracks, no Authorization header", "none", Scenario.Create("tracks-anonymous", requests.Get(registry, "tracks", token: null)));
        var with = await MeasureAsync("GET /tracks, reader bearer token", "success", Scenario.Create("tracks-bearer", requests.Get(registry, "tracks", RegistryApp.ReaderToken)));
        return (without, with);

        async Task<AuthFigures> MeasureAsync(string label, string result, Scenario scenario)
        {
            // The capture also sees the warm-up's requests: its figures are per validation, which warm-up does not change.
            using var capture = new TaggedHistogramCapture(RegistryMetrics.MeterName, RegistryMetrics.AuthValidation, "result");
            capture.Start();
            var run = await runner("wholeapi-" + scenario.Name).RunAsync(load, scenario, ct);
            capture.Stop();
            var handler = capture.Summaries().FirstOrDefault(s => s.Tag == result);
            return new AuthFigures(label, run.Totals.Completed, run.RequestsPerSecond, run.Latency.Mean, run.Latency.P50, run.Latency.P99, handler);
        }
    }
}
