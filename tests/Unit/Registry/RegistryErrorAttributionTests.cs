using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PerfTesting.Analysis;
using PerfTesting.Measurement;
using Registry.Diagnostics;
using Registry.Resilience;

namespace Tests.Unit.Registry;

/// <summary>
/// A backing service's failures reach the analysers under that service's name: the registry counts
/// each on its service's own counter, and the components the track analyses with
/// (<see cref="RegistryComponents"/>) read those counters. Before, every store listed one shared
/// counter and PostgreSQL's errors were reported as "S3 read reported 3 errors".
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
    public void EachServiceFailure_CountsOnItsOwnCounter_AndOnTheTaggedTotal()
    {
        var counted = Record(BackingServiceNames.S3, BackingServiceNames.DynamoDb, BackingServiceNames.DynamoDb, "network");

        Assert.Equal(1, counted[RegistryMetrics.S3Errors]);
        Assert.Equal(2, counted[RegistryMetrics.DynamoDbErrors]);
        Assert.False(counted.ContainsKey(RegistryMetrics.PostgresErrors));
        Assert.Equal(4, counted[RegistryMetrics.StorageErrors]);
    }

    [Fact]
    public void EveryStorageComponent_HasItsOwnErrorCounter()
    {
        var counters = RegistryComponents.Storage.Select(c => c.ErrorCounter).ToList();

        Assert.All(counters, Assert.NotNull);
        Assert.Equal(counters.Count, counters.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(RegistryMetrics.StorageErrors, counters);
    }

    // Records the failures on a registry's metrics and sums each counter; only this test's meter is heard
    // (its scope is this test's factory), so other tests recording meanwhile do not add to it.
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
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (counted)
            {
                counted[instrument.Name] = counted.GetValueOrDefault(instrument.Name) + value;
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

    // A PostgreSQL-backed run of 1,000 requests: reads timed on PostgreSQL and DynamoDB, the counters as recorded.
    private static RunResult RunWith(long failed, Dictionary<string, long> counted)
    {
        IEnumerable<InstrumentSummary> whiteBox =
        [
            Timing(RegistryMetrics.PostgresRead),
            Timing(RegistryMetrics.DynamoDbLookup),
            .. counted.Select(c => new InstrumentSummary(RegistryMetrics.MeterName, c.Key, "{error}", "Counter", c.Value, c.Value, 1, 1, null, null)),
        ];
        return TestRuns.Result(succeeded: 1000 - failed, failed: failed) with { WhiteBox = [.. whiteBox] };
    }

    private static InstrumentSummary Timing(string name) => new(RegistryMetrics.MeterName, name, "s", "Histogram", 1000, 10, 0.005, 0.05, 0.01, 0.04);
}
