namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>An execution environment the routers hand out: a registry process in the runs (<see cref="RegistryInstance"/>), a fake in the pool's tests.</summary>
internal interface IRegistryInstance
{
    Uri BaseAddress { get; }

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> just before the instance was started.</summary>
    long StartedAt { get; }

    /// <summary>Start to ready.</summary>
    TimeSpan Startup { get; }

    /// <summary>Counts one request served.</summary>
    void Served();

    /// <summary>Reads what the instance used, then stops it; the first call's reading is kept.</summary>
    Task<InstanceUsage> RetireAsync(bool idle);
}
