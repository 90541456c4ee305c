namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>An execution environment the routers hand out: a registry process in the runs (<see cref="RegistryInstance"/>), a fake in the pool's tests.</summary>
internal interface IRegistryInstance
{
    Uri BaseAddress { get; }

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> just before the instance was started.</summary>
    long StartedAt { get; }

    /// <summary>Start to ready.</summary>
    TimeSpan Startup { get; }

    /// <summary>The instance's process has ended on its own (crashed, or was killed) and has not been retired.</summary>
    bool HasExited { get; }

    /// <summary>Counts one request served.</summary>
    void Served();

    /// <summary>Reads what the instance used, then stops it; the first call's reading is kept. Never throws for an instance that crashed: its usage says so.</summary>
    Task<InstanceUsage> RetireAsync(bool idle);
}
