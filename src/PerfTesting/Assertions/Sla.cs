namespace PerfTesting.Assertions;

/// <summary>
/// A fluent, typed SLA definition. Each call returns a new builder, so a shared base SLA can be
/// extended per test without being changed; limits are validated when they are given.
/// </summary>
/// <example><code>
/// var sla = Sla.Define()
///     .LatencyPercentile(99, below: TimeSpan.FromMilliseconds(250))
///     .ErrorRate(below: 0.01)
///     .Throughput(above: 100)
///     .ForScenario("download", s => s.LatencyPercentile(50, below: TimeSpan.FromMilliseconds(40)))
///     .Build();
/// </code></example>
public sealed class Sla
{
    private readonly IReadOnlyList<SlaRequirement> _requirements;
    private readonly string? _scenario;

    private Sla(IReadOnlyList<SlaRequirement> requirements, string? scenario)
    {
        _requirements = requirements;
        _scenario = scenario;
    }

    /// <summary>Starts an empty SLA for the whole run.</summary>
    public static Sla Define() => new([], null);

    /// <summary>Requires latency at <paramref name="percentile"/> to stay below <paramref name="below"/>.</summary>
    /// <param name="percentile">Above 0, at most 100 (99.9 for p99.9).</param>
    /// <param name="below">The limit.</param>
    public Sla LatencyPercentile(double percentile, TimeSpan below)
    {
        if (percentile is <= 0 or > 100 || !double.IsFinite(percentile))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is above 0 and at most 100.");
        }

        if (below <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(below), below, "A latency limit must be positive.");
        }

        return With(new SlaRequirement(SlaMetric.LatencyPercentile, below.TotalMilliseconds, percentile, _scenario));
    }

    /// <summary>Requires the share of failed requests to stay below <paramref name="below"/>.</summary>
    /// <param name="below">A share: 0.01 is 1%.</param>
    public Sla ErrorRate(double below) => With(new SlaRequirement(SlaMetric.ErrorRate, Share(below), null, _scenario));

    /// <summary>Requires completed requests per second to stay above <paramref name="above"/>.</summary>
    /// <param name="above">Requests per second.</param>
    public Sla Throughput(double above) =>
        above >= 0 && double.IsFinite(above)
            ? With(new SlaRequirement(SlaMetric.Throughput, above, null, _scenario))
            : throw new ArgumentOutOfRangeException(nameof(above), above, "A throughput limit is a finite, non-negative rate.");

    /// <summary>Requires the share of dropped open-model arrivals to stay below <paramref name="below"/>.</summary>
    /// <param name="below">A share of all arrivals.</param>
    public Sla DroppedRate(double below) => With(new SlaRequirement(SlaMetric.DroppedRate, Share(below), null, _scenario));

    /// <summary>Adds requirements that apply to one scenario only.</summary>
    /// <param name="scenario">The scenario's name.</param>
    /// <param name="define">Adds the scenario's lines.</param>
    public Sla ForScenario(string scenario, Func<Sla, Sla> define)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario);
        ArgumentNullException.ThrowIfNull(define);
        var scoped = define(new Sla(_requirements, scenario));
        return new Sla(scoped._requirements, _scenario);
    }

    /// <summary>The finished definition.</summary>
    public SlaDefinition Build() =>
        _requirements.Count > 0 ? new SlaDefinition(_requirements) : throw new InvalidOperationException("An SLA needs at least one requirement.");

    private Sla With(SlaRequirement requirement) => new([.. _requirements, requirement], _scenario);

    private static double Share(double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A rate limit is a share between 0 and 1 (0.01 = 1%).");
}
