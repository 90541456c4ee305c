using PerfTesting.Load;
using PerfTesting.Measurement;
using Registry.Diagnostics;
using Registry.Health;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// Every endpoint measured alone (its own closed run), after one run of all of them together (weights
/// equal, clients shared) that also warms every path up. Around each alone run the registry's DynamoDB
/// operations are captured by tag, for the per-operation table.
/// </summary>
internal static class EndpointRuns
{
    /// <summary>The figures, the together run, and the DynamoDB calls of the background probes over all the alone runs.</summary>
    public sealed record Outcome(IReadOnlyList<EndpointFigures> Endpoints, IReadOnlyList<OperationFigures> Operations, IReadOnlyList<TaggedLatency> Background, RunResult Together);

    public static async Task<Outcome> RunAsync(
        IReadOnlyList<EndpointCase> cases, WholeApiProfile profile, Func<string, LoadRunner> runner, Func<EndpointCase, Task> beforeAlone, CancellationToken ct)
    {
        var together = cases.Where(c => c.Together).ToList();
        var togetherRun = await runner("wholeapi-together").RunAsync(
            LoadProfile.Closed(profile.EndpointClients, profile.TogetherWindow).WithWarmUp(TimeSpan.FromSeconds(1)),
            [.. together.Select(c => c.Scenario)], ct);

        var endpoints = new List<EndpointFigures>();
        var operations = new List<OperationFigures>();
        using var background = new MeterCapture([RegistryMetrics.MeterName], OperationTags);
        background.Start();
        foreach (var endpoint in cases)
        {
            await beforeAlone(endpoint);
            // No warm-up inside the run: the capture must cover exactly the measured requests.
            var load = endpoint.Serial
                ? LoadProfile.ClosedTotal(1, profile.SerialIterations)
                : LoadProfile.Closed(profile.EndpointClients, profile.EndpointWindow);
            using var capture = new MeterCapture([RegistryMetrics.MeterName], OperationTags);
            capture.Start();
            var result = await runner("wholeapi-" + endpoint.Scenario.Name).RunAsync(load, endpoint.Scenario, ct);
            capture.Stop();

            var shared = together.Contains(endpoint) ? togetherRun.Scenario(endpoint.Scenario.Name).Latency : null;
            var clients = endpoint.Serial ? 1 : profile.EndpointClients;
            endpoints.Add(new EndpointFigures(endpoint.Endpoint, endpoint.Store, clients, result.Totals.Completed,
                result.Latency.Mean, result.Latency.P50, result.Latency.P95, result.Latency.P99, result.RequestsPerSecond, result.ErrorRate,
                shared?.P50, shared?.P99));
            operations.Add(new OperationFigures(Label(endpoint), result.Totals.Started, Operations(capture, DynamoDbOperationTimer.RequestOrigin)));
        }

        background.Stop();
        return new Outcome(endpoints, operations, Operations(background, HealthProber.HealthProbeOrigin), togetherRun);
    }

    private static readonly string[] OperationTags = ["operation", "origin"];

    // The DynamoDB calls of one origin (the requests, or the background probes), by operation.
    private static IReadOnlyList<TaggedLatency> Operations(MeterCapture capture, string origin) =>
        TaggedLatency.From(capture, RegistryMetrics.DynamoDbOperation, "operation", ("origin", origin));

    public static string Label(EndpointCase endpoint) => endpoint.Store == Cells.None ? endpoint.Endpoint : $"{endpoint.Endpoint} ({endpoint.Store})";
}
