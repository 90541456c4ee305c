using PerfTesting.Load;
using PerfTesting.Measurement;
using Registry.Diagnostics;
using Tests.Shared;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// Authentication overhead: GET /tracks (anonymous, so both succeed) without an Authorization header
/// and with the reader's bearer token, interleaved in one run (two scenarios of equal weight sharing
/// the clients, so both see the same machine at the same moments). The registry authenticates every
/// request with its default scheme, so the only difference between the two is the token's
/// validation; the bearer handler's own time is read from its instrument, split by its tag result.
/// </summary>
internal static class AuthRuns
{
    public const string RunName = "wholeapi-auth";

    public static async Task<(AuthFigures Without, AuthFigures With, RunResult Run)> RunAsync(
        RegistryRequests requests, Uri registry, WholeApiProfile profile, Func<string, LoadRunner> runner, CancellationToken ct)
    {
        Scenario[] scenarios =
        [
            Scenario.Create("tracks-anonymous", requests.Get(registry, "tracks", token: null)),
            Scenario.Create("tracks-bearer", requests.Get(registry, "tracks", RegistryApp.ReaderToken)),
        ];
        // The capture also sees the warm-up's requests: its figures are per validation, which warm-up does not change much.
        using var capture = new MeterCapture([RegistryMetrics.MeterName], ["result"]);
        capture.Start();
        var run = await runner(RunName).RunAsync(LoadProfile.Closed(profile.EndpointClients, profile.AuthWindow).WithWarmUp(TimeSpan.FromSeconds(0.5)), scenarios, ct);
        capture.Stop();
        var handler = TaggedLatency.From(capture, RegistryMetrics.AuthValidation, "result");

        AuthFigures Figures(string label, string scenario, string result)
        {
            var share = run.Scenario(scenario);
            var perSecond = run.Duration <= TimeSpan.Zero ? 0 : share.Totals.Completed / run.Duration.TotalSeconds;
            return new AuthFigures(label, share.Totals.Completed, perSecond, share.Latency.Mean, share.Latency.P50, share.Latency.P99, handler.FirstOrDefault(h => h.Tag == result));
        }

        return (Figures("GET /tracks, no Authorization header", "tracks-anonymous", "none"), Figures("GET /tracks, reader bearer token", "tracks-bearer", "success"), run);
    }
}
