namespace PerfTesting.Load;

/// <summary>How a <see cref="LoadRunner"/> measures, beyond the profile itself.</summary>
public sealed record LoadRunnerOptions
{
    /// <summary>The clock (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The name a run gets when none is given: "run".</summary>
    public const string DefaultName = "run";

    /// <summary>The run's name in results. <value>Default: <see cref="DefaultName"/> (PerfTesting.Xunit's PerfRunner puts the test's name here).</value></summary>
    public string Name { get; init; } = DefaultName;

    /// <summary>Receives progress once a second, or null.</summary>
    public IRunObserver? Observer { get; init; }

    /// <summary>How many per-request records to keep (0: none). Memory is reserved up front, so keep it bounded.</summary>
    public int RawSampleCapacity { get; init; }

    /// <summary>Meters whose instruments are captured for the measured window (white-box).</summary>
    public IReadOnlyList<string> Meters { get; init; } = [];

    /// <summary>
    /// Tag keys by whose values each captured instrument is also broken down
    /// (<see cref="Measurement.InstrumentSummary.ByTag"/>), e.g. "component" to tell the failures of
    /// each backing service apart in one counter. Keep their values few: one entry per combination.
    /// </summary>
    public IReadOnlyList<string> MeterTags { get; init; } = [];

    /// <summary>Whether to sample this process's CPU, GC and memory over the window.</summary>
    public bool CaptureProcess { get; init; } = true;

    /// <summary>Whether to keep each second's encoded histogram (for interval logs); costs a few KiB per second.</summary>
    public bool KeepSecondHistograms { get; init; } = true;

    /// <summary>
    /// This agent's share of a distributed run (<see cref="IndexStripe.All"/>: the whole run). Closed-model
    /// clients and iteration totals are scaled to the stripe's share; in the open model only the arrivals
    /// of the stripe are fired, at their places in the whole schedule. Sweeps and stress searches copy it
    /// to every step.
    /// </summary>
    public IndexStripe Stripe { get; init; } = IndexStripe.All;

    /// <summary>
    /// A start time shared by every agent of a distributed run (null: start at once). The run waits for
    /// it; an agent that reaches it late starts at once, keeps the shared schedule (open-model arrivals
    /// already due go out immediately, their latency counted from when they were due) and reports the
    /// delay as <see cref="Measurement.RunResult.StartLateness"/>.
    /// </summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    public LoadRunnerOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Time);
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentNullException.ThrowIfNull(Stripe);
        ArgumentNullException.ThrowIfNull(MeterTags);
        return RawSampleCapacity is < 0 or > 50_000_000
            ? throw new ArgumentOutOfRangeException(nameof(RawSampleCapacity), RawSampleCapacity, "Raw-sample capacity must be 0 to 50,000,000.")
            : this;
    }
}
