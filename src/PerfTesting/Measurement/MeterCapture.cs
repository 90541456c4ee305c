using System.Diagnostics.Metrics;
using HdrHistogram;

namespace PerfTesting.Measurement;

/// <summary>
/// White-box capture: a <see cref="MeterListener"/> that records the instruments of chosen Meters
/// (the service's own, and ASP.NET Core's "Microsoft.AspNetCore.Hosting" with http.server.request.duration)
/// from <see cref="Start"/> to <see cref="Stop"/>, i.e. exactly the run's measured window. Works for a
/// service in the same process, as under WebApplicationFactory. Instruments of the same name from several
/// Meter instances (several hosts in one process, each with its own Meter) are merged into one summary.
/// </summary>
public sealed class MeterCapture : IDisposable
{
    /// <summary>ASP.NET Core's hosting meter, which publishes http.server.request.duration and active requests.</summary>
    public const string AspNetCoreHosting = "Microsoft.AspNetCore.Hosting";

    private readonly HashSet<string> _meters;
    // Keyed by name, not by Instrument: every host in the process (each service provider has its own
    // Meter of the same name) adds to one summary, so an instrument never appears twice in a result.
    private readonly Dictionary<(string Meter, string Name, string? Unit), InstrumentState> _states = [];
    private readonly Lock _statesLock = new();
    private MeterListener? _listener;
    private volatile bool _recording;

    /// <summary>Creates a capture of the named Meters.</summary>
    /// <param name="meterNames">Meter names, matched exactly.</param>
    public MeterCapture(IEnumerable<string> meterNames)
    {
        ArgumentNullException.ThrowIfNull(meterNames);
        _meters = new HashSet<string>(meterNames, StringComparer.Ordinal);
    }

    /// <summary>Starts listening; measurements from now on are kept.</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            return;
        }

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (_meters.Contains(instrument.Meter.Name))
                {
                    listener.EnableMeasurementEvents(instrument, StateFor(instrument));
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, state) => Record(state, value));
        _listener.SetMeasurementEventCallback<float>((instrument, value, _, state) => Record(state, value));
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, state) => Record(state, value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, state) => Record(state, value));
        _listener.SetMeasurementEventCallback<short>((instrument, value, _, state) => Record(state, value));
        _listener.SetMeasurementEventCallback<byte>((instrument, value, _, state) => Record(state, value));
        _recording = true;
        _listener.Start();
    }

    /// <summary>Reads observable instruments (gauges); called once a second during a run.</summary>
    public void Poll() => _listener?.RecordObservableInstruments();

    /// <summary>Stops listening; measurements after this are ignored.</summary>
    public void Stop()
    {
        Poll();
        _recording = false;
        _listener?.Dispose();
        _listener = null;
    }

    /// <summary>What each instrument measured, in instrument-name order.</summary>
    public IReadOnlyList<InstrumentSummary> Summaries()
    {
        lock (_statesLock)
        {
            return [.. _states.Values.Where(s => s.Count > 0).Select(s => s.Summary()).OrderBy(s => s.Meter, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];
        }
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private void Record(object? state, double value)
    {
        if (_recording && state is InstrumentState instrumentState)
        {
            instrumentState.Record(value);
        }
    }

    private InstrumentState StateFor(Instrument instrument)
    {
        lock (_statesLock)
        {
            var key = (instrument.Meter.Name, instrument.Name, instrument.Unit);
            if (!_states.TryGetValue(key, out var state))
            {
                state = new InstrumentState(instrument);
                _states[key] = state;
            }

            return state;
        }
    }

    /// <summary>Running figures of one instrument. A lock per instrument: the service's threads record here, not the load generator's.</summary>
    private sealed class InstrumentState(Instrument instrument)
    {
        // Histogram values are kept at a resolution that suits their unit: microseconds for seconds and
        // milliseconds, whole units otherwise (bytes, counts).
        private readonly double _scale = instrument.Unit switch { "s" => 1_000_000, "ms" => 1_000, _ => 1 };
        private readonly string _kind = KindOf(instrument);
        private readonly Lock _lock = new();
        private readonly LongHistogram? _histogram = KindOf(instrument) == "Histogram" ? new LongHistogram(1, long.MaxValue / 4, 3) : null;
        private long _count;
        private double _sum;
        private double _min = double.MaxValue;
        private double _max = double.MinValue;
        private double _level;

        public long Count => Volatile.Read(ref _count);

        public void Record(double value)
        {
            lock (_lock)
            {
                _count++;
                _sum += value;
                _min = Math.Min(_min, value);
                if (_kind == "UpDownCounter")
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
        }

        public InstrumentSummary Summary()
        {
            lock (_lock)
            {
                double? At(double percentile) => _histogram is { TotalCount: > 0 } h ? h.GetValueAtPercentile(percentile) / _scale : null;
                return new InstrumentSummary(instrument.Meter.Name, instrument.Name, instrument.Unit ?? string.Empty, _kind, _count, _sum,
                    _count == 0 ? 0 : _min, _count == 0 ? 0 : _max, At(50), At(99));
            }
        }

        private static string KindOf(Instrument instrument)
        {
            var type = instrument.GetType();
            var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
            return name switch
            {
                "Histogram" => "Histogram",
                "Counter" => "Counter",
                "UpDownCounter" => "UpDownCounter",

                // Observable instruments report their current value (a cumulative total or a level), not deltas.
                _ => "Gauge",
            };
        }
    }
}
