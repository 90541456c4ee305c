using System.Globalization;

namespace PerfTesting.Analysis;

/// <summary>
/// Whether memory keeps growing during a soak. The first third of the samples is skipped (warm-up:
/// pools, JIT, caches fill), then a least-squares line is fitted to the working set and to the managed
/// heap; a slope above the limit, in MiB per minute, is a leak suspect. A slope, not start-versus-end,
/// so a single GC at the wrong moment cannot decide the verdict.
/// </summary>
public sealed class MemoryGrowthAnalyser : IRunAnalyser
{
    /// <summary>Default limit: 8 MiB per minute.</summary>
    public const double DefaultLimitMiBPerMinute = 8;

    private readonly double _limitMiBPerMinute;

    /// <summary>Creates the analyser.</summary>
    /// <param name="limitMiBPerMinute">Growth above which memory counts as leaking, in MiB per minute.</param>
    public MemoryGrowthAnalyser(double limitMiBPerMinute = DefaultLimitMiBPerMinute) =>
        _limitMiBPerMinute = limitMiBPerMinute > 0 && double.IsFinite(limitMiBPerMinute) ? limitMiBPerMinute : throw new ArgumentOutOfRangeException(nameof(limitMiBPerMinute));

    /// <inheritdoc />
    public string Name => "memory growth";

    /// <summary>Growth rate of the working set, in MiB per minute, over the samples after the first third.</summary>
    public static double WorkingSetSlope(IReadOnlyList<MemorySample> samples) =>
        Slope(Settled(samples), s => s.WorkingSetBytes);

    /// <summary>Growth rate of the managed heap, in MiB per minute, over the samples after the first third.</summary>
    public static double ManagedHeapSlope(IReadOnlyList<MemorySample> samples) =>
        Slope(Settled(samples), s => s.ManagedHeapBytes);

    /// <summary>
    /// One finding for <see cref="AnalysisInput.Memory"/> (six samples or more): a warning when either
    /// slope exceeds the limit, else a hint with the figures.
    /// </summary>
    /// <param name="input">The input; only its memory samples are used.</param>
    public IEnumerable<Finding> Analyse(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Analyse(input.Memory, _limitMiBPerMinute);
    }

    private IEnumerable<Finding> Analyse(IReadOnlyList<MemorySample> samples, double limitMiBPerMinute)
    {
        if (samples.Count < 6)
        {
            yield break;
        }

        var settled = Settled(samples);
        var workingSet = Slope(settled, s => s.WorkingSetBytes);
        var heap = Slope(settled, s => s.ManagedHeapBytes);
        var evidence = new[]
        {
            Text($"{samples.Count} samples over {samples[^1].Seconds - samples[0].Seconds:0} s; fitted from {settled[0].Seconds:0} s on"),
            Text($"working set: {settled[0].WorkingSetBytes / 1048576.0:0.#} MiB -> {settled[^1].WorkingSetBytes / 1048576.0:0.#} MiB, slope {workingSet:+0.##;-0.##} MiB/min"),
            Text($"managed heap: {settled[0].ManagedHeapBytes / 1048576.0:0.#} MiB -> {settled[^1].ManagedHeapBytes / 1048576.0:0.#} MiB, slope {heap:+0.##;-0.##} MiB/min"),
            Text($"limit: {limitMiBPerMinute:0.##} MiB/min"),
        };
        var worst = Math.Max(workingSet, heap);
        yield return worst > limitMiBPerMinute
            ? new Finding(Name, Severity.Warning, Text($"Memory keeps growing during the soak: {worst:0.##} MiB/min"), evidence, worst / limitMiBPerMinute)
            : new Finding(Name, Severity.Hint, Text($"Memory is flat during the soak ({worst:+0.##;-0.##} MiB/min, limit {limitMiBPerMinute:0.##})"), evidence, Math.Max(0, worst / limitMiBPerMinute));
    }

    private static List<MemorySample> Settled(IReadOnlyList<MemorySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return [.. samples.Skip(samples.Count / 3)];
    }

    private static double Slope(List<MemorySample> samples, Func<MemorySample, long> value)
    {
        if (samples.Count < 2)
        {
            return 0;
        }

        var meanX = samples.Average(s => s.Seconds);
        var meanY = samples.Average(s => (double)value(s));
        var sxx = samples.Sum(s => (s.Seconds - meanX) * (s.Seconds - meanX));
        var sxy = samples.Sum(s => (s.Seconds - meanX) * (value(s) - meanY));
        return sxx == 0 ? 0 : sxy / sxx * 60 / 1048576.0;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
