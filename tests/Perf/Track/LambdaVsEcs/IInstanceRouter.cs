namespace Tests.Perf.Track.LambdaVsEcs;

/// <summary>Chooses the registry instance each request goes to: the execution model of a deployment shape.</summary>
internal interface IInstanceRouter : IAsyncDisposable
{
    /// <summary>The concurrency limit the shape models, or null when there is none.</summary>
    int? ConcurrencyLimit { get; }

    /// <summary>Instances started so far.</summary>
    int InstancesStarted { get; }

    /// <summary>Most instances alive at once.</summary>
    int PeakInstances { get; }

    ValueTask<InstanceLease> AcquireAsync(CancellationToken cancellationToken);

    /// <summary>The request on <paramref name="lease"/> is finished (its body read or abandoned).</summary>
    void Release(InstanceLease lease);

    /// <summary>Stops every instance and returns what each used; call once, after the load.</summary>
    Task<IReadOnlyList<InstanceUsage>> RetireAllAsync();
}
