using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Registry.Diagnostics;

namespace Tests.Integration.Registry.SharedCache;

/// <summary>
/// The registry's cache counters (Meter <c>Acme.Registry</c>) of the given instances only: other test
/// classes run registries in this process at the same time, so instruments are told apart by the
/// instance's own <see cref="IMeterFactory"/>, which is the scope of every Meter it creates.
/// </summary>
internal sealed class CacheCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<(string Instrument, string Kind), long> _totals = [];

    public CacheCounters(params IServiceProvider[] instances)
    {
        var factories = instances.Select(i => i.GetRequiredService<IMeterFactory>()).ToHashSet();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RegistryMetrics.MeterName && instrument.Meter.Scope is IMeterFactory factory && factories.Contains(factory)
                && instrument.Name.StartsWith("registry.cache.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var kind = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "kind")
                {
                    kind = tag.Value as string ?? "";
                }
            }

            lock (_totals)
            {
                _totals[(instrument.Name, kind)] = _totals.GetValueOrDefault((instrument.Name, kind)) + value;
            }
        });
        _listener.Start();
    }

    public long Hits(string kind) => Total(RegistryMetrics.CacheHits, kind);

    public long Misses(string kind) => Total(RegistryMetrics.CacheMisses, kind);

    public long Bypasses(string kind) => Total(RegistryMetrics.CacheBypasses, kind);

    public void Dispose() => _listener.Dispose();

    private long Total(string instrument, string kind)
    {
        lock (_totals)
        {
            return _totals.GetValueOrDefault((instrument, kind));
        }
    }
}
