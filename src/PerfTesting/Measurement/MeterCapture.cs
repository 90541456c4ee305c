using System.Diagnostics.Metrics;
namespace PerfTesting.Measurement;

/// <summary>
/// White-box capture: a <see cref="MeterListener"/> that records the instruments of chosen Meters
/// (the service's own, and ASP.NET Core's "Microsoft.AspNetCore.Hosting" with http.server.request.duration)
/// from <see cref="Start"/> to <see cref="Stop"/>, i.e. exactly the run's measured window. Works for a
/// service in the same process, as under WebApplicationFactory. Instruments of the same name from several
/// Meter instances (several hosts in one process, each with its own Meter) are merged into one summary.
/// A summary sums its instrument over all tags; the tag keys given at creation also break it down by
/// their values (<see cref="InstrumentSummary.ByTag"/>), e.g. failures by component or calls by operation.
/// </summary>
public sealed class MeterCapture : IDisposable
{
    /// <summary>ASP.NET Core's hosting meter, which publishes http.server.request.duration and active requests.</summary>
    public const string AspNetCoreHosting = "Microsoft.AspNetCore.Hosting";

    private readonly HashSet<string> _meters;
    private readonly string[] _tagKeys;
    // Keyed by name, not by Instrument: every host in the process (each service provider has its own
    // Meter of the same name) adds to one summary, so an instrument never appears twice in a result.
    private readonly Dictionary<(string Meter, string Name, string? Unit), InstrumentState> _states = [];
    private readonly Lock _statesLock = new();
    private MeterListener? _listener;
    private volatile bool _recording;

    /// <summary>Creates a capture of the named Meters.</summary>
    /// <param name="meterNames">Meter names, matched exactly.</param>
    public MeterCapture(IEnumerable<string> meterNames)
        : this(meterNames, [])
    {
    }

    /// <summary>Creates a capture of the named Meters that also breaks each instrument down by the values of <paramref name="tagKeys"/>.</summary>
    /// <param name="meterNames">Meter names, matched exactly.</param>
    /// <param name="tagKeys">Tag keys to break down by (e.g. "component", "operation"); keep their values few.</param>
    public MeterCapture(IEnumerable<string> meterNames, IEnumerable<string> tagKeys)
    {
        ArgumentNullException.ThrowIfNull(meterNames);
        ArgumentNullException.ThrowIfNull(tagKeys);
        _meters = new HashSet<string>(meterNames, StringComparer.Ordinal);
        _tagKeys = [.. tagKeys.Distinct(StringComparer.Ordinal)];
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
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => Record(state, value, tags));
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

    private void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_recording && state is InstrumentState instrumentState)
        {
            instrumentState.Record(value, tags);
        }
    }

    private InstrumentState StateFor(Instrument instrument)
    {
        lock (_statesLock)
        {
            var key = (instrument.Meter.Name, instrument.Name, instrument.Unit);
            if (!_states.TryGetValue(key, out var state))
            {
                state = new InstrumentState(instrument, _tagKeys);
                _states[key] = state;
            }

            return state;
        }
    }

    /// <summary>Running figures of one instrument and its tag breakdown. A lock per instrument: the service's threads record here, not the load generator's.</summary>
    private sealed class InstrumentState(Instrument instrument, string[] tagKeys)
    {
        private readonly string _kind = KindOf(instrument);
        private readonly Lock _lock = new();
        private readonly Dictionary<string, (Dictionary<string, string> Tags, InstrumentAccumulator Figures)> _byTag = new(StringComparer.Ordinal);
        private readonly InstrumentAccumulator _whole = new(KindOf(instrument), instrument.Unit);
        private long _count;

        public long Count => Volatile.Read(ref _count);

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var combination = tagKeys.Length == 0 ? null : Combination(tags);
            lock (_lock)
            {
                _whole.Record(value);
                Volatile.Write(ref _count, _whole.Count);
                if (combination is not null)
                {
                    if (!_byTag.TryGetValue(combination.Value.Key, out var entry))
                    {
                        _byTag[combination.Value.Key] = entry = (combination.Value.Tags, new InstrumentAccumulator(_kind, instrument.Unit));
                    }

                    entry.Figures.Record(value);
                }
            }
        }

        public InstrumentSummary Summary()
        {
            lock (_lock)
            {
                return new InstrumentSummary(instrument.Meter.Name, instrument.Name, instrument.Unit ?? string.Empty, _kind, _whole.Count, _whole.Sum,
                    _whole.Min, _whole.Max, _whole.Percentile(50), _whole.Percentile(99))
                {
                    ByTag = [.. _byTag.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new InstrumentBreakdown(
                        e.Value.Tags, e.Value.Figures.Count, e.Value.Figures.Sum, e.Value.Figures.Min, e.Value.Figures.Max,
                        e.Value.Figures.Percentile(50), e.Value.Figures.Percentile(95), e.Value.Figures.Percentile(99)))],
                };
            }
        }

        // The chosen keys present on a measurement, with their values, and a key naming that combination.
        private (string Key, Dictionary<string, string> Tags)? Combination(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            Dictionary<string, string>? chosen = null;
            foreach (var tag in tags)
            {
                if (Array.IndexOf(tagKeys, tag.Key) >= 0)
                {
                    chosen ??= new(StringComparer.Ordinal);
                    chosen[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                }
            }

            return chosen is null ? null : (string.Join('\u001f', chosen.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value)), chosen);
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
