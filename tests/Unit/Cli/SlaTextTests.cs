using PerfTesting.Assertions;
using PerfTesting.Cli.Merge;
using PerfTesting.Cli.Storage;

namespace Tests.Unit.Cli;

public sealed class SlaTextTests
{
    [Fact]
    public void Parse_ReadsEveryForm()
    {
        var sla = SlaText.Parse(["p99<250ms", "p99.9 < 1.5s", "error-rate<1%", "dropped<0.001", "throughput>100"]);

        Assert.Equal(
            [SlaMetric.LatencyPercentile, SlaMetric.LatencyPercentile, SlaMetric.ErrorRate, SlaMetric.DroppedRate, SlaMetric.Throughput],
            sla.Requirements.Select(r => r.Metric));
        Assert.Equal(250, sla.Requirements[0].Limit);
        Assert.Equal(99.9, sla.Requirements[1].Percentile);
        Assert.Equal(1500, sla.Requirements[1].Limit);
        Assert.Equal(0.01, sla.Requirements[2].Limit, 1e-12);
        Assert.Equal(100, sla.Requirements[4].Limit);
    }

    [Theory]
    [InlineData("p99>250ms")]
    [InlineData("latency<1s")]
    [InlineData("error-rate<1ms")]
    [InlineData("throughput<5")]
    [InlineData("p99<")]
    public void Parse_RefusesWhatItCannotRead(string line) =>
        Assert.Contains("is not one of", Assert.Throws<ArgumentException>(() => SlaText.Parse([line])).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("s3://bucket/a/b/", "bucket", "a/b/")]
    [InlineData("s3://bucket", "bucket", "")]
    [InlineData("S3://bucket/run-1", "bucket", "run-1/")]
    public void ResultLocation_ParsesS3Prefixes(string text, string bucket, string prefix)
    {
        var location = ResultLocation.Parse(text);
        Assert.True(location.IsS3);
        Assert.Equal(bucket, location.Bucket);
        Assert.Equal(prefix, location.Prefix);
        Assert.Equal($"s3://{bucket}/{prefix}", location.ToString());
    }

    [Fact]
    public void ResultLocation_ADirectoryOrARefusal()
    {
        Assert.Equal("results/run", ResultLocation.Parse("results/run").Directory);
        Assert.False(ResultLocation.Parse("results").IsS3);
        Assert.Throws<ArgumentException>(() => ResultLocation.Parse("s3:///prefix"));
    }

    [Fact]
    public void S3Store_RefusesAnEndpointThatIsNotAUrl() =>
        Assert.Throws<ArgumentException>(() => S3ResultStore.FromEnvironment(name => name == "PERF_S3_URL" ? "localhost:4566" : null));
}
