using HdrHistogram;

namespace PerfTesting.Measurement;

/// <summary>
/// Running figures of one instrument's measurements (the whole, or one tag combination of it). Not
/// thread-safe: its owner locks. Histogram values are kept at a resolution that suits their unit:
/// nanoseconds for seconds and milliseconds (a token check takes microseconds), whole units otherwise.
/// </summary>
internal sealed class InstrumentAccumulator(string kind, string? unit)
{
    private readonly double _scale = unit switch { "s" => 1_000_000_000, "ms" => 1_000_000, _ => 1 };
    private readonly LongHistogram? _histogram = kind == "Histogram" ? new LongHistogram(1, long.MaxValue / 4, 3) : null;
    private double _min = double.MaxValue;
    private double _max = double.MinValue;
    private double _level;

    public long Count { get; private set; }

    public double Sum { get; private set; }

    public double Min => Count == 0 ? 0 : _min;

    public double Max => Count == 0 ? 0 : _max;

    public void Record(double value)
    {
        Count++;
        Sum += value;
        _min = Math.Min(_min, value);
        if (kind == "UpDownCounter")
        {
            _level += value;
            _max = Math.Max(_max, _level);
        }
        else
        {
            _max = Math.Max(_max, value);
        }

        if (_histogram is not null && double.IsFinite(value) && value >= 0)
        {
            _histogram.RecordValue(Math.Max(1, (long)Math.Round(value * _scale)));
        }
    }

    /// <summary>A percentile of a histogram's measurements, in the instrument's unit; null for other kinds or none.</summary>
    public double? Percentile(double percentile) => _histogram is { TotalCount: > 0 } h ? h.GetValueAtPercentile(percentile) / _scale : null;
}
