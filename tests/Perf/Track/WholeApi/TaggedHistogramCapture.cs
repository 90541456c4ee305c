using System.Diagnostics.Metrics;
using HdrHistogram;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// White-box capture of one duration instrument (unit seconds) split by one of its tags: the engine's
/// <see cref="PerfTesting.Measurement.MeterCapture"/> merges tags into one summary, while the
/// per-operation table needs GetItem apart from Query. Every Meter of the name counts (each registry
/// instance in this process has its own), one HdrHistogram of nanoseconds per tag value (the bearer
/// handler takes microseconds), from <see cref="Start"/> to <see cref="Stop"/>; optionally only the
/// measurements whose tag <c>whereTag</c> equals <c>whereValue</c>.
/// </summary>
internal sealed class TaggedHistogramCapture : IDisposable
{
    private readonly string _meter;
    private readonly string _instrument;
    private readonly string _tag;
    private readonly (string Tag, string Value)? _where;
    private const double NanosecondsPerMs = 1e6;
    private const long MaxNanoseconds = 3_600_000_000_000; // an hour

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (LongHistogram Histogram, double SumMs)> _byTag = [];
    private MeterListener? _listener;

    public TaggedHistogramCapture(string meter, string instrument, string tag, (string Tag, string Value)? where = null)
    {
        _meter = meter;
        _instrument = instrument;
        _tag = tag;
        _where = where;
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
                p.Value.Histogram.GetValueAtPercentile(50) / NanosecondsPerMs,
                p.Value.Histogram.GetValueAtPercentile(95) / NanosecondsPerMs,
                p.Value.Histogram.GetValueAtPercentile(99) / NanosecondsPerMs,
                p.Value.Histogram.GetMaxValue() / NanosecondsPerMs))];
        }
    }

    public void Dispose() => Stop();

    private void Record(double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var value = "(none)";
        var wanted = _where is null;
        foreach (var tag in tags)
        {
            if (tag.Key == _tag)
            {
                value = tag.Value?.ToString() ?? "(none)";
            }

            if (_where is { } where && tag.Key == where.Tag && Equals(tag.Value?.ToString(), where.Value))
            {
                wanted = true;
            }
        }

        if (!wanted || !double.IsFinite(seconds) || seconds < 0)
        {
            return;
        }

        var nanoseconds = Math.Clamp((long)Math.Round(seconds * 1e9), 1, MaxNanoseconds);
        lock (_lock)
        {
            if (!_byTag.TryGetValue(value, out var entry))
            {
                entry = (new LongHistogram(1, MaxNanoseconds, 3), 0);
            }

            entry.Histogram.RecordValue(nanoseconds);
            _byTag[value] = (entry.Histogram, entry.SumMs + nanoseconds / NanosecondsPerMs);
        }
    }
}
