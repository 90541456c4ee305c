using PerfTesting.Baselines;

namespace PerfTesting.Xunit.Assertions;

/// <summary>What <see cref="PerfAssert.PassesAsync"/> checks and writes besides the SLA.</summary>
public sealed record PerfCheckOptions
{
    /// <summary>The default report folder, under the test project's folder: <c>TestResults/perf</c> (each run gets a subfolder named after it).</summary>
    public const string DefaultReportFolder = "TestResults/perf";

    /// <summary>The defaults: no baseline check, reports under <see cref="DefaultReportFolder"/>.</summary>
    public static PerfCheckOptions Default { get; } = new();

    /// <summary>Also compare the run with its committed baseline (<see cref="Xunit.Baselines.BaselineAssert"/>'s rules). <value>Default: false.</value></summary>
    public bool Baseline { get; init; }

    /// <summary>Where baselines live; the test project's <c>Baselines</c> folder when null.</summary>
    public BaselineStore? BaselineStore { get; init; }

    /// <summary>The baseline's name; the run's name (made safe for a file name) when null.</summary>
    public string? BaselineName { get; init; }

    /// <summary>Tolerances, significance, and what a baseline from another environment means.</summary>
    public ComparisonOptions? Comparison { get; init; }

    /// <summary>
    /// The folder the reports go to (a subfolder per run), relative to the test project's folder or
    /// absolute; null writes none. <value>Default: <see cref="DefaultReportFolder"/>.</value>
    /// </summary>
    public string? ReportFolder { get; init; } = DefaultReportFolder;
}
