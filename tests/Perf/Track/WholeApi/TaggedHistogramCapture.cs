using System.Diagnostics.Metrics;
using HdrHistogram;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// White-box capture of one duration instrument (unit seconds) split by one of its tags: the engine's
/// <see cref="PerfTesting.Measurement.MeterCapture"/> merges tags into one summary, while the
/// per-operation table needs GetItem apart from Query. Every Meter of the name counts (each registry
/// instance in this process has its own), one HdrHistogram of microseconds per tag value, from
/// <see cref="Start"/> to <see cref="Stop"/>.
/// </summary>
internal sealed class TaggedHistogramCapture : IDisposable
{
    private readonly string _meter;
    private readonly string _instrument;
    private readonly string _tag;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (LongHistogram Histogram, double SumMs)> _byTag = [];
    private MeterListener? _listener;

    public TaggedHistogramCapture(string meter, string instrument, string tag)
    {
        _meter = meter;
        _instrument = instrument;
        _tag = tag;
    }

    public void Start()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == _meter && instrument.Name == _instrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) => Record(seconds, tags));
        _listener.Start();
    }

    public void Stop()
    {
        _listener?.Dispose();
        _listener = null;
    }

    /// <summary>Each tag value's figures, by tag value.</summary>
    public IReadOnlyList<TaggedLatency> Summaries()
    {
        lock (_lock)
        {
            return [.. _byTag.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new TaggedLatency(
                p.Key,
                p.Value.Histogram.TotalCount,
                p.Value.SumMs / p.Value.Histogram.TotalCount,
                p.Value.Histogram.GetValueAtPercentile(50) / 1000.0,
                p.Value.Histogram.GetValueAtPercentile(95) / 1000.0,
                p.Value.Histogram.GetValueAtPercentile(99) / 1000.0,
                p.Value.Histogram.GetMaxValue() / 1000.0))];
        }
    }

    public void Dispose() => Stop();

    private void Record(double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var value = "(none)";
        foreach (var tag in tags)
        {
            if (tag.Key == _tag)
            {
                value = tag.Value?.ToString() ?? "(none)";
            }
        }

        var microseconds = Math.Max(1, (long)Math.Round(seconds * 1_000_000));
        lock (_lock)
        {
            if (!_byTag.TryGetValue(value, out var entry))
            {
                entry = (new LongHistogram(1, 3_600_000_000, 3), 0);
            }

            entry.Histogram.RecordValue(Math.Min(microseconds, 3_600_000_000));
            _byTag[value] = (entry.Histogram, entry.SumMs + microseconds / 1000.0);
        }
    }
}
