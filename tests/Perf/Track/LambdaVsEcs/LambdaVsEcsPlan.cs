using System.Globalization;
using PerfTesting.Load;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// How much of the comparison a profile runs, kept small (about 90 s in full, 40 s in ci): each shape
/// runs the track's workload (its clients downloading Tiny-LLM) and a spike from 10 to 100 clients. The
/// Lambda shape's concurrency limit (4 in ci, 6 in full) is what 2 shared cores can start and run at
/// once (a registry process takes about a CPU-second to start; 12 starting together on a busy machine
/// took 20 to 90 s each in a first trial); it stands for Lambda's per-function concurrency limit, and the keep-warm
/// window is scaled down from Lambda's minutes to the run's seconds so instances are seen to retire.
/// </summary>
/// <param name="ConcurrencyLimit">Lambda instances allowed at once.</param>
/// <param name="IdleWindow">How long an idle Lambda instance is kept warm.</param>
/// <param name="Workload">The track's workload, as this comparison runs it.</param>
/// <param name="WorkloadText">The workload, described.</param>
/// <param name="SpikeBaseClients">Clients before and after the spike (the spike is ten times this).</param>
/// <param name="SpikeStage">Length of each of the spike's three stages.</param>
/// <param name="PrimingRequests">Requests the long-lived ECS process serves before it is measured (it has been up for a while in production).</param>
internal sealed record LambdaVsEcsPlan(
    int ConcurrencyLimit, TimeSpan IdleWindow, LoadProfile Workload, string WorkloadText, int SpikeBaseClients, TimeSpan SpikeStage, int PrimingRequests)
{
    /// <summary>The steady request rates the cost table is computed at.</summary>
    public static IReadOnlyList<double> CostRates { get; } = [1, 10, 100];

    public LoadProfile Spike => LoadProfile.ClosedStages(
        new ClientStage(SpikeStage, SpikeBaseClients),
        new ClientStage(SpikeStage, SpikeBaseClients * 10),
        new ClientStage(SpikeStage, SpikeBaseClients));

    public string SpikeText => string.Create(CultureInfo.InvariantCulture, $"{SpikeBaseClients} -> {SpikeBaseClients * 10} -> {SpikeBaseClients} clients, {SpikeStage.TotalSeconds:0.#} s each");

    public static LambdaVsEcsPlan For(TrackProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var full = profile.Name != "ci";
        var duration = TimeSpan.FromSeconds(full ? 10 : 5);
        var (workload, text) = profile.IterationsPerClient is { } iterations
            ? (LoadProfile.ClosedIterations(profile.Clients, iterations), $"{profile.Clients} clients x {iterations} downloads each")
            : (LoadProfile.Closed(profile.Clients, duration), string.Create(CultureInfo.InvariantCulture, $"{profile.Clients} clients for {duration.TotalSeconds:0} s, no warm-up"));
        return new LambdaVsEcsPlan(
            ConcurrencyLimit: full ? 6 : 4,
            IdleWindow: TimeSpan.FromSeconds(2),
            Workload: workload,
            WorkloadText: text,
            SpikeBaseClients: profile.SpikeBaseClients,
            SpikeStage: TimeSpan.FromSeconds(full ? 5 : 3),
            PrimingRequests: 5);
    }
}
