namespace PerfTesting.Load;

/// <summary>
/// The closed model: virtual clients that each send the next request when the previous one is done.
/// What ends the load is the mode, one type each: <see cref="StagedClientsProfile"/> (the stages'
/// duration), <see cref="PerClientIterationsProfile"/> (a count per client) and
/// <see cref="SharedIterationsProfile"/> (a count shared by all clients).
/// </summary>
public abstract record ClosedLoadProfile : LoadProfile
{
    private protected ClosedLoadProfile(IReadOnlyList<ClientStage> stages) => Stages = stages;

    /// <summary>The stages; a plain run has one.</summary>
    public IReadOnlyList<ClientStage> Stages { get; }

    /// <summary>The most clients any stage runs.</summary>
    public int MaxClients => Stages.Max(s => s.Clients);

    /// <summary>The stages' total duration.</summary>
    public TimeSpan Duration => Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    /// <summary>The clients active at <paramref name="elapsed"/> into the measured window (0 once the stages are over).</summary>
    /// <param name="elapsed">Time since the measured window began.</param>
    public int ClientsAt(TimeSpan elapsed)
    {
        foreach (var stage in Stages)
        {
            if (elapsed < stage.Duration)
            {
                return stage.Clients;
            }

            elapsed -= stage.Duration;
        }

        return 0;
    }

    /// <summary>Throws when a stage is out of range; the modes add their own checks.</summary>
    private protected void ValidateStages()
    {
        if (Stages.Count == 0 || Stages.Any(s => s.Clients is < 0 or > 100_000 || s.Duration <= TimeSpan.Zero) || MaxClients == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Stages), "Every stage needs a positive duration and 0 to 100,000 clients, and some stage needs a client.");
        }
    }
}
