using System.Diagnostics.Metrics;
using PerfTesting.Measurement;

namespace Tests.Unit.Measurement;

public sealed class MeterCaptureTests
{
    [Fact]
    public void SameInstrumentFromTwoMeterInstances_IsOneMergedSummary()
    {
        // Two hosts in one process each create their own Meter with the service's name.
        var name = "Tests.MeterCapture." + Guid.NewGuid().ToString("N");
        using var first = new Meter(name);
        using var second = new Meter(name);
        var a = first.CreateHistogram<double>("work.duration", "ms");
        var b = second.CreateHistogram<double>("work.duration", "ms");
        using var capture = new MeterCapture([name]);
        capture.Start();

        a.Record(10);
        b.Record(30);
        capture.Stop();

        var summary = Assert.Single(capture.Summaries());
        Assert.Equal(2, summary.Count);
        Assert.Equal(20, summary.Mean, 6);
    }

    [Fact]
    public void TagKeys_BreakTheSummaryDownByTheirValues()
    {
        var name = "Tests.MeterCapture." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(name);
        var failures = meter.CreateCounter<long>("work.errors");
        var calls = meter.CreateHistogram<double>("work.duration", "s");
        using var capture = new MeterCapture([name], ["component", "operation"]);
        capture.Start();

        failures.Add(1, new KeyValuePair<string, object?>("component", "s3"), new KeyValuePair<string, object?>("attempt", 1));
        failures.Add(2, new KeyValuePair<string, object?>("component", "dynamodb"));
        failures.Add(4);
        calls.Record(0.000_002, new KeyValuePair<string, object?>("operation", "GetItem"));
        calls.Record(0.010, new KeyValuePair<string, object?>("operation", "Query"));
        capture.Stop();

        var errors = capture.Summaries().Single(s => s.Name == "work.errors");
        Assert.Equal(7, errors.Sum);
        Assert.Equal(1, errors.SumWhere("component", "s3"));
        Assert.Equal(2, errors.SumWhere("component", "dynamodb"));
        Assert.Equal(0, errors.SumWhere("component", "postgres"));
        // An untagged measurement is in the total only; a key not chosen ("attempt") does not split the breakdown.
        Assert.Equal(2, errors.ByTag.Count);
        var duration = capture.Summaries().Single(s => s.Name == "work.duration").ByTag.Single(b => b.Has("operation", "GetItem"));
        Assert.Equal(1, duration.Count);
        Assert.Equal(0.000_002, duration.P50!.Value, 1e-8); // kept at nanosecond resolution: a 2 µs call is not rounded away
    }

    [Fact]
    public void MeasurementsOutsideTheWindow_AreNotCounted()
    {
        var name = "Tests.MeterCapture." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<long>("work.items");
        using var capture = new MeterCapture([name]);

        counter.Add(5);
        capture.Start();
        counter.Add(2);
        capture.Stop();
        counter.Add(7);

        Assert.Equal(2, Assert.Single(capture.Summaries()).Sum);
    }
}
