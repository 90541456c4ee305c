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
    public static ClosedLoadProfile ClosedIterations(int clients, long iterationsPerClient) =>
        new ClosedLoadProfile([new ClientStage(DefaultTimeLimit, clients)], iterationsPerClient, null).Validated();

    /// <summary>Closed model: <paramref name="clients"/> clients share <paramref name="totalIterations"/> iterations.</summary>
    /// <param name="clients">Virtual clients.</param>
    /// <param name="totalIterations">Measured iterations across all clients.</param>
    public static ClosedLoadProfile ClosedTotal(int clients, long totalIterations) =>
        new ClosedLoadProfile([new ClientStage(DefaultTimeLimit, clients)], null, totalIterations).Validated();

    /// <summary>Closed model in stages: ramps, spikes (10 clients, then 100 at once) and stress steps.</summary>
    /// <param name="stages">The stages, in order.</param>
    public static ClosedLoadProfile ClosedStages(params ClientStage[] stages) => new ClosedLoadProfile(stages, null, null).Validated();

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

    /// <summary>Formats a duration for descriptions.</summary>
    protected static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
