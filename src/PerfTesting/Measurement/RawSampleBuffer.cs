namespace PerfTesting.Measurement;

/// <summary>A fixed-size, lock-free store of per-request records: writers claim a slot with one Interlocked increment; beyond capacity, records are counted as lost.</summary>
internal sealed class RawSampleBuffer(int capacity)
{
    private readonly RawSample[] _samples = new RawSample[capacity];
    private long _next;

    public void Add(in RawSample sample)
    {
        var slot = Interlocked.Increment(ref _next) - 1;
        if (slot < _samples.Length)
        {
            _samples[slot] = sample;
        }
    }

    public void Clear() => Interlocked.Exchange(ref _next, 0);

    public (IReadOnlyList<RawSample> Samples, long Lost) Snapshot()
    {
        var count = Interlocked.Read(ref _next);
        var kept = (int)Math.Min(count, _samples.Length);
        return (_samples.AsSpan(0, kept).ToArray(), count - kept);
    }
}
