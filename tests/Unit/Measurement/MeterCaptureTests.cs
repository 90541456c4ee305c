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
