using System.Globalization;

namespace PerfTesting.Load;

/// <summary>
/// The open model: requests arrive on a schedule whatever the service does, up to a cap of requests in
/// flight; an arrival that finds the cap reached is dropped and counted. Latency is measured from each
/// arrival's intended start, so a stalled service cannot hide its stall (coordinated omission). One
/// stage is k6's constant-arrival-rate, several (or a moving rate) its ramping-arrival-rate.
/// </summary>
public sealed record OpenLoadProfile : LoadProfile
{
    internal OpenLoadProfile(IReadOnlyList<RateStage> stages, int maxInFlight)
    {
        Stages = stages;
        MaxInFlight = maxInFlight;
    }

    /// <summary>The rate stages.</summary>
    public IReadOnlyList<RateStage> Stages { get; }

    /// <summary>Requests allowed in flight at once.</summary>
    public int MaxInFlight { get; }

    /// <summary>The stages' total duration.</summary>
    public TimeSpan Duration => Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    internal override TimeSpan NominalLength => Duration;

    internal override Executors.Executor CreateExecutor(Executors.LoadRunContext run) => new Executors.ArrivalRateExecutor(this, run);

    /// <inheritdoc />
    public override string Describe()
    {
        var stages = string.Join(", ", Stages.Select(s => s.FromRate == s.ToRate
            ? string.Create(CultureInfo.InvariantCulture, $"{s.FromRate:0.##}/s for {Seconds(s.Duration)}")
            : string.Create(CultureInfo.InvariantCulture, $"{s.FromRate:0.##}->{s.ToRate:0.##}/s over {Seconds(s.Duration)}")));
        return string.Create(CultureInfo.InvariantCulture, $"open model: {stages}, at most {MaxInFlight} in flight{WarmUpText}");
    }

    internal OpenLoadProfile Validated()
    {
        if (Stages.Count == 0 || Stages.Any(s => s.Duration <= TimeSpan.Zero || !double.IsFinite(s.FromRate) || !double.IsFinite(s.ToRate)
            || s.FromRate < 0 || s.ToRate < 0 || s.FromRate > 1_000_000 || s.ToRate > 1_000_000))
        {
            throw new ArgumentOutOfRangeException(nameof(Stages), "Every stage needs a positive duration and rates between 0 and 1,000,000 per second.");
        }

        if (MaxInFlight is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInFlight), MaxInFlight, "The in-flight cap must be between 1 and 100,000.");
        }

        return this;
    }
}
