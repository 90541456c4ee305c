using System.Globalization;

namespace Tests.Perf.Track.WholeApi;

/// <summary>The whole-API tables from given figures: cells, computed columns, and rows for skipped or background work.</summary>
public sealed class WholeApiTablesTests
{
    private static TaggedLatency Latency(string tag, long count, double mean = 2, double p50 = 1.5, double p95 = 4, double p99 = 8) =>
        new(tag, count, mean, p50, p95, p99, p99 * 2);

    [Fact]
    public void Operations_CallsPerRequestIsCallsOverRequests_AndBackgroundRowsComeLast()
    {
        OperationFigures[] runs =
        [
            new("PUT /models (s3)", 200, [Latency("GetItem", 200), Latency("PutItem", 200)]),
            new("DELETE /reset", 4, [Latency("DescribeTable", 18)]),
            new("GET /dashboard", 1000, []),
        ];

        var table = WholeApiTables.Operations(runs, [Latency("ListTables", 14)], "described");

        Assert.Equal(["PUT /models (s3)", "GetItem", "200", "1", "2", "1.5", "4", "8"], table.Rows[0]);
        Assert.Equal("4.5", table.Rows[2][3]);
        Assert.Equal(["GET /dashboard", "(none)", "0", "0", "–", "–", "–", "–"], table.Rows[3]);
        Assert.Equal("ListTables", table.Rows[^1][1]);
        Assert.Equal("–", table.Rows[^1][3]);
    }

    [Theory]
    [InlineData(0.003, "< 0.01")]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(0.25, "0.25")]
    public void PerRequest_ShowsRareCallsAsBelowOneHundredth(double ratio, string expected) => Assert.Equal(expected, WholeApiTables.PerRequest(ratio));

    [Fact]
    public void Sizes_ComputesMiBPerSecondFromSizeAndMeanTime_AndKeepsSkippedBuckets()
    {
        var bucket = SizeBucket.Of(128L * 1024 * 1024);
        SizeFigures[] sizes =
        [
            new(SizeBucket.Of(4 * 1024 * 1024), 4 * 1024 * 1024, "s3", 2, UploadMeanMs: 40, DownloadMeanMs: 20, Failures: 0, PeakWorkingSetGrowthMiB: 0.5, PeakHeapMiB: 40),
            SizeFigures.Skipped(bucket, "not in this profile"),
        ];

        var table = WholeApiTables.Sizes(sizes, "described");

        Assert.Equal("100", table.Rows[0][5]); // 4 MiB in 40 ms
        Assert.Equal("200", table.Rows[0][7]); // 4 MiB in 20 ms
        Assert.Equal(["> 100 MiB", "–", "not in this profile"], table.Rows[1].Take(3));
        Assert.All(table.Rows, row => Assert.Equal(table.Columns.Count, row.Count));
    }

    [Fact]
    public void Mixed_ComparesEachTarget_WithTheThroughputTargetFromLittlesLaw()
    {
        var targets = new MixedTargets(MeanMs: 250, P95Ms: 1000, ErrorRate: 0.01);
        MixedFigures[] runs = [new(100, "mixed-100", 4000, MeanMs: 248, P95Ms: 1200, ErrorRate: 0, RequestsPerSecond: 374)];

        var table = WholeApiTables.Mixed(runs, targets, "described");

        Assert.Equal(["100", "mean latency", "≤ 250 ms", "248 ms", "yes", "mixed-100"], table.Rows[0]);
        Assert.Equal("no", table.Rows[1][4]); // p95 1200 > 1000
        Assert.Equal("yes", table.Rows[2][4]);
        Assert.Equal(["100", "throughput", "≥ 400 requests/s", "374 requests/s", "no", "mixed-100"], table.Rows[3]);
    }

    [Fact]
    public void Auth_DifferenceRowIsWithMinusWithout_HandlerInMicroseconds()
    {
        var without = new AuthFigures("no token", 1000, 500, MeanMs: 0.5, P50Ms: 0.25, P99Ms: 4, Latency("none", 1000, mean: 0.0010, p99: 0.0012));
        var with = new AuthFigures("token", 1000, 480, MeanMs: 0.75, P50Ms: 0.5, P99Ms: 3, Latency("success", 1000, mean: 0.0034, p99: 0.006));

        var table = WholeApiTables.Auth(without, with, "described");

        Assert.Equal("1", table.Rows[0][6]);
        Assert.Equal("3.4", table.Rows[1][6]);
        Assert.Equal("6", table.Rows[1][7]);
        Assert.Equal(["+0.25", "+0.25", "-1"], table.Rows[2].Skip(3).Take(3));
        Assert.Equal("2.4", table.Rows[2][6]);
    }

    [Fact]
    public void Endpoints_WritesTogetherFiguresOrADash()
    {
        EndpointFigures[] endpoints =
        [
            new("GET /health", "–", 8, 10_179, 0.785, 0.331, 2.381, 7.835, 10151.6, 0, 2.545, 51.5),
            new("DELETE /reset", "s3", 1, 4, 136.3, 133.6, 144.6, 144.6, 7.27, 0.25, null, null),
        ];

        var table = WholeApiTables.Endpoints(endpoints, "described");

        Assert.Equal(["GET /health", "–", "8", "10,179", "0.785", "0.331", "2.381", "7.835", "10151.6", "0%", "2.545 / 51.5"], table.Rows[0]);
        Assert.Equal("25%", table.Rows[1][9]);
        Assert.Equal("–", table.Rows[1][10]);
    }

    [Fact]
    public void Cells_AreTheSameUnderAnotherCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
        try
        {
            Assert.Equal("1,234", Cells.Count(1234));
            Assert.Equal("0.785", Cells.Ms(0.785));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
