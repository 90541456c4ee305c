using PerfTesting.Analysis;

namespace Tests.Unit.Analysis;

public sealed class RetainedHeapAnalyserTests
{
    [Fact]
    public void GrowthAboveTheLimit_IsAWarning_WithTheGrowthPerRequest()
    {
        // 300 requests that each kept 64 KiB alive: 18.75 MiB, above a 16 MiB limit.
        var finding = RetainedHeapAnalyser.Analyse(100L << 20, (100L << 20) + (300L * 65536), 300, 16L << 20);

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("18.75 MiB", finding.Title, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.Contains("+65536 bytes per request", StringComparison.Ordinal));
    }

    [Fact]
    public void GrowthWithinTheLimit_OrAShrink_IsAHint()
    {
        Assert.Equal(Severity.Hint, RetainedHeapAnalyser.Analyse(100L << 20, 101L << 20, 300, 16L << 20).Severity);
        Assert.Equal(Severity.Hint, RetainedHeapAnalyser.Analyse(100L << 20, 90L << 20, 300, 16L << 20).Severity);
    }
}
