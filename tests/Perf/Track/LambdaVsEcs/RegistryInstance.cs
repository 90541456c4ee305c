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
    private double? _cpuAtReady;
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

    /// <summary>The registry process's id (tests end it by this id to play a crash).</summary>
    public int ProcessId => _process.ProcessId;

    /// <summary>Completes when the process has ended (tests that end it wait on this).</summary>
    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    public bool HasExited => _retired is null && _process.HasExited;

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
    public void MarkReady() => _cpuAtReady = WhileAlive(() => ProcessCpu.Seconds(_process.ProcessId));

    public void Served() => Interlocked.Increment(ref _requests);

    /// <summary>
    /// Reads the instance's usage, then stops it. Idempotent: the first reading is kept. An instance whose
    /// process already ended is recorded as crashed, without the /proc figures it no longer has.
    /// </summary>
    public async Task<InstanceUsage> RetireAsync(bool idle)
    {
        if (_retired is null)
        {
            var crashed = _process.HasExited;
            var peak = WhileAlive(() => _process.PeakResidentBytes);
            var cpu = WhileAlive(() => ProcessCpu.Seconds(_process.ProcessId));
            _retired = new InstanceUsage(peak, _cpuAtReady, cpu - _cpuAtReady, Startup.TotalSeconds, Volatile.Read(ref _requests), idle,
                Crashed: crashed || peak is null || cpu is null);
            await _process.DisposeAsync();
        }

        return _retired;
    }

    // A /proc reading of the live process, or null once it has ended: its /proc directory is gone (or,
    // as a zombie, has no memory lines), and a reading taken just before the end could be of a reused
    // id, so a process found ended after the read gives none either. A failed read of a live process
    // still throws.
    private T? WhileAlive<T>(Func<T> read)
        where T : struct
    {
        if (_process.HasExited)
        {
            return null;
        }

        try
        {
            var value = read();
            return _process.HasExited ? null : value;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException && _process.HasExited)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync() => await RetireAsync(idle: false);
}
