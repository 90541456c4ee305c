namespace PerfTesting.Load;

/// <summary>
/// Start times of the steps of a sweep or stress search in a distributed run: every agent computes the
/// same times from the shared start, so each step begins together on every agent.
/// </summary>
internal static class SharedStart
{
    /// <summary>Time left between steps for the last requests of a step to finish.</summary>
    public static readonly TimeSpan StepGap = TimeSpan.FromSeconds(2);

    /// <summary>The shared start of step <paramref name="step"/> (null when the run has no shared start).</summary>
    /// <param name="start">The first step's shared start.</param>
    /// <param name="step">Zero-based step number.</param>
    /// <param name="stepLength">Warm-up plus measured duration of one step.</param>
    public static DateTimeOffset? ForStep(DateTimeOffset? start, int step, TimeSpan stepLength) =>
        start is { } first ? first + ((stepLength + StepGap) * step) : null;
}
