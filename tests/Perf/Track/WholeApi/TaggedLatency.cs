using PerfTesting.Measurement;

namespace Tests.Perf.Track.WholeApi;

/// <summary>One tag value's share of a duration instrument over a capture window, in milliseconds.</summary>
/// <param name="Tag">The tag's value (an operation's name, a validation result).</param>
/// <param name="Count">Measurements with that value.</param>
/// <param name="MeanMs">Their mean.</param>
/// <param name="P50Ms">Median.</param>
/// <param name="P95Ms">95th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">Largest.</param>
internal sealed record TaggedLatency(string Tag, long Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    /// <summary>
    /// The breakdown of the duration instrument (unit seconds) <paramref name="instrument"/> by the values of
    /// <paramref name="tag"/>, from a <see cref="MeterCapture"/> that broke it down by that key (and by
    /// <paramref name="where"/>'s key, when given: then only the measurements with that value count).
    /// </summary>
    public static IReadOnlyList<TaggedLatency> From(MeterCapture capture, string instrument, string tag, (string Tag, string Value)? where = null) =>
        [.. capture.Summaries().Where(s => s.Name == instrument).SelectMany(s => s.ByTag)
            .Where(b => where is not { } w || b.Has(w.Tag, w.Value))
            .Select(b => new TaggedLatency(b.Tags.GetValueOrDefault(tag, "(none)"), b.Count, b.Mean * 1000,
                (b.P50 ?? 0) * 1000, (b.P95 ?? 0) * 1000, (b.P99 ?? 0) * 1000, b.Max * 1000))
            .OrderBy(t => t.Tag, StringComparer.Ordinal)];
}
