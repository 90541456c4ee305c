using System.ComponentModel.DataAnnotations;

namespace PerfTesting.History.ChangePoints;

/// <summary>Settings of <see cref="EDivisiveMeans"/>; the window is Apache Otava's; the p-value and the minimum segment are this project's (measured, see each).</summary>
public sealed record EDivisiveOptions
{
    /// <summary>Otava's default window: 50 points, moved by half a window.</summary>
    public const int DefaultWindowLength = 50;

    /// <summary>
    /// A change point needs p at most 1e-6. Otava's default (0.001) assumes one analysis of a series; a CI
    /// job analyses it again after every run, and bench/history-trust.sh measured 5.3 false change points per
    /// 1,000 points at 0.001 (2.0 at 1e-4, 1.0 at 1e-5, 0.9 at 1e-6) with +5% steps still found 20 of 20.
    /// </summary>
    public const double DefaultMaxPValue = 1e-6;

    /// <summary>Default <see cref="MinimumSegment"/>: 3 points.</summary>
    public const int DefaultMinimumSegment = 3;

    /// <summary>Points per sliding window of the split step.</summary>
    /// <value>Default 50 (Otava).</value>
    [Range(4, 10_000)]
    public int WindowLength { get; init; } = DefaultWindowLength;

    /// <summary>The largest p-value (two-sided Student's t-test of the segments either side) a change point may have; the split step uses ten times it, as Otava does.</summary>
    /// <value>Default 1e-6.</value>
    [Range(1e-12, 0.5)]
    public double MaxPValue { get; init; } = DefaultMaxPValue;

    /// <summary>Smallest relative change kept by the merge step (0 keeps every significant one, as Otava's default).</summary>
    /// <value>Default 0.</value>
    [Range(0, 10)]
    public double MinMagnitude { get; init; }

    /// <summary>
    /// Fewest points a segment needs on each side of a change point. Otava has no such floor, so one slow
    /// run at the end of a series (a segment of one point) is a change point there; three points make a
    /// lone outlier a non-event and still let a real step show within a few runs.
    /// </summary>
    /// <value>Default 3.</value>
    [Range(1, 1000)]
    public int MinimumSegment { get; init; } = DefaultMinimumSegment;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
