using System.Diagnostics;
using PerfTesting.BackingServices;
using Tests.Shared;

namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>
/// One execution environment: a real registry process (<see cref="RegistryProcess"/>, the published
/// Registry.dll on the fixture's backing services) with the timestamps and /proc readings the comparison
/// needs: when it was started (cold starts are timed from here), the CPU it had used when it became
/// ready, the requests it served.
/// </summary>
internal sealed class RegistryInstance : IRegistryInstance, IAsyncDisposable
{
    private readonly RegistryProcess _process;
    private double _cpuAtReady;
    private int _requests;
    private InstanceUsage? _retired;

    private RegistryInstance(RegistryProcess process, long startedAt, TimeSpan startup)
    {
        _process = process;
        StartedAt = startedAt;
        Startup = startup;
        MarkReady();
    }

    public Uri BaseAddress => _process.BaseAddress;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedAt { get; }

    /// <summary>Process start to the first healthy answer.</summary>
    public TimeSpan Startup { get; }

    public static async Task<RegistryInstance> StartAsync(BackingServiceEndpoints endpoints, IsolatedNames names, IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var process = await RegistryProcess.StartAsync(endpoints, names, "S3", settings, ct);
        return new RegistryInstance(process, startedAt, Stopwatch.GetElapsedTime(startedAt));
    }

    /// <summary>From here on, CPU counts as serving rather than start-up (a long-lived instance calls it again after priming).</summary>
    public void MarkReady() => _cpuAtReady = ProcessCpu.Seconds(_process.ProcessId);

    public void Served() => Interlocked.Increment(ref _requests);

    /// <summary>Reads the instance's usage, then stops it. Idempotent: the first reading is kept.</summary>
    public async Task<InstanceUsage> RetireAsync(bool idle)
    {
        if (_retired is null)
        {
            var cpu = ProcessCpu.Seconds(_process.ProcessId);
            _retired = new InstanceUsage(_process.PeakResidentBytes, _cpuAtReady, cpu - _cpuAtReady, Startup.TotalSeconds, Volatile.Read(ref _requests), idle);
            await _process.DisposeAsync();
        }

        return _retired;
    }

    public async ValueTask DisposeAsync() => await RetireAsync(idle: false);
}
