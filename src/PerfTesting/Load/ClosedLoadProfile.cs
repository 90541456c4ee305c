using System.Globalization;

namespace PerfTesting.Load;

/// <summary>The closed model: virtual clients that each send the next request when the previous one is done.</summary>
public sealed record ClosedLoadProfile : LoadProfile
{
    internal ClosedLoadProfile(IReadOnlyList<ClientStage> stages, long? iterationsPerClient, long? totalIterations)
    {
        Stages = stages;
        IterationsPerClient = iterationsPerClient;
        TotalIterations = totalIterations;
    }

    /// <summary>The stages; a plain run has one.</summary>
    public IReadOnlyList<ClientStage> Stages { get; }

    /// <summary>Measured iterations per client that end the run, if set.</summary>
    public long? IterationsPerClient { get; }

    /// <summary>Measured iterations across clients that end the run, if set.</summary>
    public long? TotalIterations { get; }

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

    /// <inheritdoc />
    public override string Describe()
    {
        var warmUp = WarmUp > TimeSpan.Zero ? $" after {Seconds(WarmUp)} warm-up" : string.Empty;
        if (IterationsPerClient is { } perClient)
        {
            return string.Create(CultureInfo.InvariantCulture, $"closed model: {MaxClients} clients x {perClient} iterations{warmUp}");
        }

        if (TotalIterations is { } total)
        {
            return string.Create(CultureInfo.InvariantCulture, $"closed model: {MaxClients} clients, {total} iterations in all{warmUp}");
        }

        return Stages.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"closed model: {MaxClients} clients for {Seconds(Duration)}{warmUp}")
            : "closed model in stages: " + string.Join(", ", Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Clients} clients for {Seconds(s.Duration)}"))) + warmUp;
    }

    internal ClosedLoadProfile Validated()
    {
        if (Stages.Count == 0 || Stages.Any(s => s.Clients is < 0 or > 100_000 || s.Duration <= TimeSpan.Zero) || MaxClients == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Stages), "Every stage needs a positive duration and 0 to 100,000 clients, and some stage needs a client.");
        }

        if (IterationsPerClient is <= 0 || TotalIterations is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(IterationsPerClient), "Iteration counts must be positive.");
        }

        return this;
    }
}
