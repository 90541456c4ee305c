using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using PerfTesting.BackingServices;
using PerfTesting.Load;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Model;
using Registry.Seeding;
using Tests.Shared;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// Lambda versus ECS, run for real on this machine: each shape serves the track's workload and a spike
/// from real registry processes (the built Registry.dll on the track's backing services and seeded data),
/// the ECS shape from one long-lived process, the Lambda shape from <see cref="LambdaInstancePool"/>.
/// Latency and throughput come from the load runs, instance figures from /proc; the monthly cost is
/// computed from those by <see cref="CostModel"/>.
/// </summary>
internal static class LambdaVsEcsRuns
{
    public const string Lambda = "Lambda";
    public const string Ecs = "ECS";

    public static async Task<LambdaVsEcsResult> RunAsync(
        BackingServiceEndpoints endpoints, LambdaVsEcsTarget workload, LambdaVsEcsTarget spike, TrackProfile profile, Func<string, LoadRunner> runner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var plan = LambdaVsEcsPlan.For(profile);
        var started = Stopwatch.GetTimestamp();
        var runs = new List<RunReport>();
        var measured = new List<(RunReport Run, ShapeMeasurement Shape)>();
        (string Load, LambdaVsEcsTarget Target, LoadProfile Profile, string Text)[] loads =
        [
            ("workload", workload, plan.Workload, plan.WorkloadText),
            ("spike", spike, plan.Spike, plan.SpikeText),
        ];
        foreach (var load in loads)
        {
            foreach (var shape in new[] { Ecs, Lambda })
            {
                var name = $"{shape.ToLowerInvariant()}-{load.Load}";
                var (result, measurement, description) = await RunShapeAsync(name, shape, load.Target, load.Profile, load.Text, plan, endpoints, runner, ct);
                var report = RunReports.From(result, description);
                runs.Add(report);
                measured.Add((report, measurement));
            }
        }

        var tables = LambdaVsEcsTables.Build(measured, plan, CloudPrices.UsEast1OnDemand);
        var notes = LambdaVsEcsTables.Notes(plan, Stopwatch.GetElapsedTime(started), [.. measured.Select(m => m.Shape)]);
        return new LambdaVsEcsResult(runs, tables, notes);
    }

    private static async Task<(RunResult Result, ShapeMeasurement Measurement, string Description)> RunShapeAsync(
        string name, string shape, LambdaVsEcsTarget target, LoadProfile load, string loadText, LambdaVsEcsPlan plan,
        BackingServiceEndpoints endpoints, Func<string, LoadRunner> runner, CancellationToken ct)
    {
        var lambda = shape == Lambda;
        var redirect = lambda && target.ArchiveBytes > LambdaLimits.BufferedResponseBytes;
        var settings = new Dictionary<string, string?>();
        if (redirect)
        {
            settings["Performance:presigned_urls_enabled"] = "true";
        }

        Task<RegistryInstance> Start(CancellationToken token) => RegistryInstance.StartAsync(endpoints, target.Names, settings, token);
        async Task<IRegistryInstance> StartOnDemand(CancellationToken token) => await Start(token);
        var url = new Uri($"models/{RegistrySeeder.TinyLlmId}/{RegistrySeeder.TinyLlmVersion}/model.zip", UriKind.Relative);
        await using IInstanceRouter router = lambda
            ? new LambdaInstancePool(plan.ConcurrencyLimit, plan.IdleWindow, StartOnDemand)
            : new LongLivedInstance(await PrimedAsync(await Start(ct), url, plan.PrimingRequests, ct));
        var recorder = new ShapeRecorder();
        using var http = new HttpClient(new RoutingHandler(router, recorder, lambda ? LambdaLimits.BufferedResponseBytes : null))
        {
            Timeout = lambda ? LambdaLimits.GatewayTimeout : TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegistryApp.ReaderToken);
        // The host is the routing handler's to choose; this one is never contacted.
        var result = await runner(name).RunAsync(load, Scenario.Create("download", HttpStep.Get(http, new Uri(new Uri("http://127.0.0.1/"), url))), ct);
        var measurement = recorder.Summarise(name, shape, router, await router.RetireAllAsync());
        var archive = Text($"{target.ArchiveBytes / 1048576.0:0.##} MiB archive");
        var description = lambda
            ? Text($"Lambda shape, {loadText}: registry processes started on demand, one request each at a time, at most {plan.ConcurrencyLimit}, kept warm {plan.IdleWindow.TotalSeconds:0} s; {archive} {(redirect ? "over the 6 MB response limit, so answered with the presigned-URL redirect" : "streamed (under the 6 MB response limit)")}")
            : Text($"ECS shape, {loadText}: one long-lived registry process (primed with {plan.PrimingRequests} downloads) serving every request; {archive} streamed");
        return (result, measurement, description);
    }

    private static async Task<RegistryInstance> PrimedAsync(RegistryInstance instance, Uri url, int requests, CancellationToken ct)
    {
        try
        {
            await PrimeAsync(instance, url, requests, ct);
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        instance.MarkReady();
        return instance;
    }

    private static async Task PrimeAsync(RegistryInstance instance, Uri url, int requests, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegistryApp.ReaderToken);
        for (var i = 0; i < requests; i++)
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await body.CopyToAsync(Stream.Null, ct);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
