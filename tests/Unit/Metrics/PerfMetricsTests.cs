using System.Globalization;
using PerfTesting.Metrics;

namespace Tests.Unit.Metrics;

public sealed class PerfMetricsTests
{
    [Theory]
    [InlineData(PerfMetric.P99, 12.3456, "p99", "12.346 ms", 0.052, "+5.2%", 0.1, "±10%")]
    [InlineData(PerfMetric.Throughput, 1520, "throughput", "1520.0 req/s", -0.1, "-10.0%", 0.05, "±5%")]
    [InlineData(PerfMetric.ErrorRate, 0.0025, "error rate", "0.25%", 0.005, "+0.50 pp", 0.01, "±1 pp")]
    public void EachMetric_HasOneNameUnitAndFormat_InTheInvariantCulture(PerfMetric metric, double value, string label, string formatted, double change, string changeText, double tolerance, string toleranceText)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("ru-RU"); // decimal comma: reports must not use it
        try
        {
            Assert.Equal(label, metric.Label());
            Assert.Equal(formatted, metric.Value(value));
            Assert.Equal(changeText, metric.Change(change));
            Assert.Equal(toleranceText, metric.Tolerance(tolerance));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void OnlyThroughput_IsWorseWhenItFalls()
    {
        Assert.Equal([PerfMetric.Throughput], PerfMetrics.All.Where(m => m.Direction() == MetricDirection.LowerIsWorse));
    }

    [Fact]
    public void Changes_FromZeroOrUnknown_ReadNewAndNotAvailable()
    {
        Assert.Equal("new", PerfMetric.P50.Change(double.PositiveInfinity));
        Assert.Equal("n/a", PerfMetric.P50.Change(double.NaN));
        Assert.Equal("n/a", PerfMetric.P50.Value(double.NaN));
        Assert.Equal("<0.0001", PerfMetrics.PValue(0.00001));
    }
}
