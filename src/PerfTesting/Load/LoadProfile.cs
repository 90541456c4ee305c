using System.Globalization;

namespace PerfTesting.Load;

/// <summary>
/// How load is applied: the closed model (a number of virtual clients, each sending its next request
/// when the last one finished) or the open model (arrivals on a schedule, whatever the service does).
/// Immutable and validated when created, so a bad profile fails before any request is sent.
/// </summary>
public abstract record LoadProfile
{
    /// <summary>The default safety limit of a run whose end is a number of iterations.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMinutes(30);

    /// <summary>Load applied before measuring starts; its requests are not in the results.</summary>
    public TimeSpan WarmUp { get; private init; }

    /// <summary>The longest the measured window may last, whatever else ends it.</summary>
    public TimeSpan TimeLimit { get; private init; } = DefaultTimeLimit;

    /// <summary>Closed model: <paramref name="clients"/> virtual clients for <paramref name="duration"/>.</summary>
    /// <param name="clients">Virtual clients, 1 to 100,000.</param>
    /// <param name="duration">The measured window.</param>
    public static ClosedLoadProfile Closed(int clients, TimeSpan duration) => ClosedStages(new ClientStage(duration, clients));

    /// <summary>Closed model: each of <paramref name="clients"/> clients runs <paramref name="iterationsPerClient"/> iterations.</summary>
    /// <param name="clients">Virtual clients.</param>
    /// <param name="iterationsPerClient">Measured iterations per client.</param>
    /// <returns>A <see cref="PerClientIterationsProfile"/>.</returns>
    public static ClosedLoadProfile ClosedIterations(int clients, long iterationsPerClient) =>
        new PerClientIterationsProfile(clients, iterationsPerClient).Validated();

    /// <summary>Closed model: <paramref name="clients"/> clients share <paramref name="totalIterations"/> iterations.</summary>
    /// <param name="clients">Virtual clients.</param>
    /// <param name="totalIterations">Measured iterations across all clients.</param>
    /// <returns>A <see cref="SharedIterationsProfile"/>.</returns>
    public static ClosedLoadProfile ClosedTotal(int clients, long totalIterations) =>
        new SharedIterationsProfile(clients, totalIterations).Validated();

    /// <summary>Closed model in stages: ramps, spikes (10 clients, then 100 at once) and stress steps.</summary>
    /// <param name="stages">The stages, in order.</param>
    /// <returns>A <see cref="StagedClientsProfile"/>.</returns>
    public static ClosedLoadProfile ClosedStages(params ClientStage[] stages) => new StagedClientsProfile(stages).Validated();

    /// <summary>Open model: <paramref name="ratePerSecond"/> arrivals per second for <paramref name="duration"/>.</summary>
    /// <param name="ratePerSecond">Arrivals per second.</param>
    /// <param name="duration">The measured window.</param>
    /// <param name="maxInFlight">Requests allowed in flight; an arrival beyond it is dropped and counted.</param>
    public static OpenLoadProfile OpenConstant(double ratePerSecond, TimeSpan duration, int maxInFlight) =>
        OpenStages(maxInFlight, new RateStage(duration, ratePerSecond, ratePerSecond));

    /// <summary>Open model with a rate that moves linearly from <paramref name="fromRate"/> to <paramref name="toRate"/>.</summary>
    /// <param name="fromRate">Arrivals per second at the start.</param>
    /// <param name="toRate">Arrivals per second at the end.</param>
    /// <param name="duration">The measured window.</param>
    /// <param name="maxInFlight">Requests allowed in flight.</param>
    public static OpenLoadProfile OpenRamping(double fromRate, double toRate, TimeSpan duration, int maxInFlight) =>
        OpenStages(maxInFlight, new RateStage(duration, fromRate, toRate));

    /// <summary>Open model in stages.</summary>
    /// <param name="maxInFlight">Requests allowed in flight.</param>
    /// <param name="stages">The stages, in order.</param>
    public static OpenLoadProfile OpenStages(int maxInFlight, params RateStage[] stages) => new OpenLoadProfile(stages, maxInFlight).Validated();

    /// <summary>Returns a copy that warms up for <paramref name="warmUp"/> first.</summary>
    /// <param name="warmUp">Zero to one hour.</param>
    public LoadProfile WithWarmUp(TimeSpan warmUp) =>
        warmUp >= TimeSpan.Zero && warmUp <= TimeSpan.FromHours(1)
            ? this with { WarmUp = warmUp }
            : throw new ArgumentOutOfRangeException(nameof(warmUp), warmUp, "Warm-up must be between zero and one hour.");

    /// <summary>Returns a copy whose measured window never exceeds <paramref name="limit"/>.</summary>
    /// <param name="limit">More than zero, at most a day.</param>
    public LoadProfile WithTimeLimit(TimeSpan limit) =>
        limit > TimeSpan.Zero && limit <= TimeSpan.FromDays(1)
            ? this with { TimeLimit = limit }
            : throw new ArgumentOutOfRangeException(nameof(limit), limit, "The time limit must be positive and at most a day.");

    /// <summary>A one-line description for reports.</summary>
    public abstract string Describe();

    /// <summary>How long the profile's load lasts by its own shape (its stages); the time limit for a profile that ends by count.</summary>
    internal abstract TimeSpan NominalLength { get; }

    /// <summary>The executor that applies this profile's load: one executor type per load mode.</summary>
    internal abstract Executors.Executor CreateExecutor(Executors.LoadRunContext run);

    /// <summary>The warm-up's words for <see cref="Describe"/>: empty without warm-up.</summary>
    private protected string WarmUpText => WarmUp > TimeSpan.Zero ? $" after {Seconds(WarmUp)} warm-up" : string.Empty;

    /// <summary>Formats a duration for descriptions.</summary>
    protected static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
