using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PerfTesting.Analysis;
using PerfTesting.Measurement;
using Registry.Diagnostics;
using Registry.Resilience;

namespace Tests.Unit.Registry;

/// <summary>
/// A backing service's failures reach the analysers under that service's name: the registry counts
/// each once, tagged with its service, and the components the track analyses with
/// (<see cref="RegistryComponents"/>) pick their service's tag out of the capture's breakdown. Before,
/// every store listed one counter summed over its tags and PostgreSQL's errors were reported as "S3 read
/// reported 3 errors"; then each failure was counted twice (the tagged total and a per-service counter).
/// </summary>
public sealed class RegistryErrorAttributionTests
{
    [Fact]
    public void PostgresFailures_AreNamedPostgresRead_NotS3()
    {
        var counted = Record(BackingServiceNames.Postgres, BackingServiceNames.Postgres, BackingServiceNames.Postgres);

        var finding = Assert.Single(new ErrorCorrelationAnalyser(RegistryComponents.Storage).Analyse(AnalysisInput.ForRun(RunWith(failed: 3, counted))));

        Assert.StartsWith("0.3% of requests failed; PostgreSQL read reported 3 errors", finding.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(finding.Evidence, e => e.StartsWith("S3 read", StringComparison.Ordinal));
    }

    [Fact]
    public void EachServiceFailure_IsCountedOnce_TaggedWithItsService()
    {
        var counted = Record(BackingServiceNames.S3, BackingServiceNames.DynamoDb, BackingServiceNames.DynamoDb, "network");

        Assert.Equal([(BackingServiceNames.DynamoDb, 2L), ("network", 1L), (BackingServiceNames.S3, 1L)], counted.Select(c => (c.Key, c.Value)).Order());
    }

    [Fact]
    public void EveryStorageComponent_HasItsOwnTagOnTheOneErrorCounter()
    {
        var components = RegistryComponents.Storage;

        Assert.All(components, c => Assert.Equal(RegistryMetrics.StorageErrors, c.ErrorCounter));
        Assert.All(components, c => Assert.Equal(RegistryMetrics.ComponentTag, c.ErrorTag?.Key));
        Assert.Equal(components.Count, components.Select(c => c.ErrorTag).Distinct().Count());
        Assert.Equal([RegistryMetrics.ComponentTag], RegistryComponents.MeterTags);
    }

    // Records the failures on a registry's metrics and sums them by component tag; only this test's meter
    // is heard (its scope is this test's factory), so other tests recording meanwhile do not add to it.
    private static Dictionary<string, long> Record(params string[] components)
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var metrics = new RegistryMetrics(factory);
        var counted = new Dictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name.EndsWith(".errors", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            Assert.Equal(RegistryMetrics.StorageErrors, instrument.Name);
            var component = "(none)";
            foreach (var tag in tags)
            {
                component = tag.Key == RegistryMetrics.ComponentTag ? tag.Value?.ToString() ?? "(none)" : component;
            }

            lock (counted)
            {
                counted[component] = counted.GetValueOrDefault(component) + value;
            }
        });
        listener.Start();
        foreach (var component in components)
        {
            metrics.RecordError(component);
        }

        lock (counted)
        {
            return new Dictionary<string, long>(counted, StringComparer.Ordinal);
        }
    }

    // A PostgreSQL-backed run of 1,000 requests: reads timed on PostgreSQL and DynamoDB, the failures as a capture broken down by component holds them.
    private static RunResult RunWith(long failed, Dictionary<string, long> counted)
    {
        IEnumerable<InstrumentSummary> whiteBox =
        [
            Timing(RegistryMetrics.PostgresRead),
            Timing(RegistryMetrics.DynamoDbLookup),
            new InstrumentSummary(RegistryMetrics.MeterName, RegistryMetrics.StorageErrors, "{error}", "Counter", counted.Values.Sum(), counted.Values.Sum(), 1, 1, null, null)
            {
                ByTag = [.. counted.Select(c => new InstrumentBreakdown(
                    new Dictionary<string, string> { [RegistryMetrics.ComponentTag] = c.Key }, c.Value, c.Value, 1, 1, null, null, null))],
            },
        ];
        return TestRuns.Result(succeeded: 1000 - failed, failed: failed) with { WhiteBox = [.. whiteBox] };
    }

    private static InstrumentSummary Timing(string name) => new(RegistryMetrics.MeterName, name, "s", "Histogram", 1000, 10, 0.005, 0.05, 0.01, 0.04);
}
