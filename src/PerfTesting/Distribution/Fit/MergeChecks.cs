namespace PerfTesting.Distribution.Fit;

/// <summary>
/// What the merge checks before adding the agents' parts into one run: that their measured windows
/// overlap (agents run one after the other add up to no load the target ever saw), how late an agent
/// may start against the shared start, and that every agent ran the same build in a like environment.
/// </summary>
public sealed record MergeChecks
{
    /// <summary>The default bound on an agent's start lateness: 1 second.</summary>
    public static readonly TimeSpan DefaultMaxStartLateness = TimeSpan.FromSeconds(1);

    /// <summary>The default share of the longest window that all agents must have run together: 0.9.</summary>
    public const double DefaultMinOverlap = 0.9;

    /// <summary>The defaults.</summary>
    public static MergeChecks Default { get; } = new();

    /// <summary>
    /// How late an agent may start its run against the shared start (or, without one, after the first
    /// agent started) before the merge warns.
    /// </summary>
    /// <value>Default <see cref="DefaultMaxStartLateness"/>.</value>
    public TimeSpan MaxStartLateness { get; init; } = DefaultMaxStartLateness;

    /// <summary>
    /// The share of the longest agent's window during which every agent must have been running; less
    /// warns. No overlap at all refuses.
    /// </summary>
    /// <value>Default <see cref="DefaultMinOverlap"/>, from 0 to 1.</value>
    public double MinOverlap { get; init; } = DefaultMinOverlap;

    /// <summary>Merge even parts that do not fit (each refusal becomes a warning in the report's first line).</summary>
    public bool MergeMisfits { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    public MergeChecks Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStartLateness, TimeSpan.Zero, nameof(MaxStartLateness));
        if (!(MinOverlap is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinOverlap), MinOverlap, "The overlap is a share from 0 to 1.");
        }

        return this;
    }
}
