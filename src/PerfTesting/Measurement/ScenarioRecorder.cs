using System.Collections.Concurrent;
using HdrHistogram;

namespace PerfTesting.Measurement;

/// <summary>
/// Records one scenario's requests from many clients at once without locks: latencies go into an
/// HdrHistogram <see cref="Recorder"/> (wait-free writes), counters are Interlocked. Once a second the
/// run's ticker harvests the interval (the per-second series) and folds it into the whole-run figures.
/// </summary>
internal sealed class ScenarioRecorder(string name)
{
    private readonly Recorder _interval = LatencyHistograms.CreateRecorder();
    private readonly LongHistogram _whole = LatencyHistograms.Create();
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private HistogramBase? _recycled;
    private long _intervalRequests;
    private long _intervalErrors;
    private long _intervalBytes;
    private long _started;
    private long _succeeded;
    private long _failed;
    private long _cancelled;
    private long _dropped;
    private long _bytes;

    public string Name { get; } = name;

    public long Started => Interlocked.Read(ref _started);

    public void Start() => Interlocked.Increment(ref _started);

    public void Drop() => Interlocked.Increment(ref _dropped);

    public void Cancel() => Interlocked.Increment(ref _cancelled);

    /// <summary>Records one completed request.</summary>
    /// <param name="micros">Its latency in microseconds.</param>
    /// <param name="success">Whether it succeeded.</param>
    /// <param name="bytes">Response bytes read.</param>
    /// <param name="errorKind">For failures, the classification the error counts go under.</param>
    public void Record(long micros, bool success, long bytes, string? errorKind)
    {
        _interval.RecordValue(micros);
        Interlocked.Increment(ref _intervalRequests);
        if (bytes != 0)
        {
            Interlocked.Add(ref _intervalBytes, bytes);
        }

        if (success)
        {
            Interlocked.Increment(ref _succeeded);
        }
        else
        {
            Interlocked.Increment(ref _failed);
            Interlocked.Increment(ref _intervalErrors);
            _errors.AddOrUpdate(errorKind ?? "error", 1, static (_, count) => count + 1);
        }
    }

    /// <summary>Takes what was recorded since the last harvest; the caller is the single reader.</summary>
    public (HistogramBase Latency, long Requests, long Errors, long Bytes) Harvest()
    {
        // A recycled histogram becomes the recorder's active one: it must never be handed in twice.
        var interval = _interval.GetIntervalHistogram(_recycled);
        _recycled = null;
        var requests = Interlocked.Exchange(ref _intervalRequests, 0);
        var errors = Interlocked.Exchange(ref _intervalErrors, 0);
        var bytes = Interlocked.Exchange(ref _intervalBytes, 0);
        _whole.Add(interval);
        _bytes += bytes;
        return (interval, requests, errors, bytes);
    }

    /// <summary>Hands a harvested histogram back for reuse, so the ticker allocates nothing per second.</summary>
    public void Recycle(HistogramBase interval) => _recycled = interval;

    /// <summary>Forgets everything (the end of warm-up).</summary>
    public void Reset()
    {
        Harvest();
        _whole.Reset();
        _errors.Clear();
        Interlocked.Exchange(ref _started, 0);
        Interlocked.Exchange(ref _succeeded, 0);
        Interlocked.Exchange(ref _failed, 0);
        Interlocked.Exchange(ref _cancelled, 0);
        Interlocked.Exchange(ref _dropped, 0);
        _bytes = 0;
    }

    public HistogramBase Whole => _whole;

    public ScenarioResult Result() => new(
        Name,
        Totals(),
        LatencyStats.From(_whole),
        new SortedDictionary<string, long>(_errors, StringComparer.Ordinal),
        HistogramCodec.Encode(_whole));

    public RunTotals Totals() => new(
        Interlocked.Read(ref _started), Interlocked.Read(ref _succeeded), Interlocked.Read(ref _failed),
        Interlocked.Read(ref _cancelled), Interlocked.Read(ref _dropped), _bytes);
}
