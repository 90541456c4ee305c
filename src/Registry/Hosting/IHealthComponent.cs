namespace Registry.Hosting;

/// <summary>A component beyond the backing services that reports itself in /health/components.</summary>
internal interface IHealthComponent
{
    string Name { get; }

    /// <summary>Reads what is expensive to read (stored runs), in the background on the probe interval.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);

    /// <summary>The component's state now: what is in memory plus the last refresh. Cheap; called per request.</summary>
    HealthDescription Describe();
}
