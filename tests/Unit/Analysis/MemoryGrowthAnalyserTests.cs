using PerfTesting.Analysis;

namespace Tests.Unit.Analysis;

public sealed class MemoryGrowthAnalyserTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Slope_OfALinearLeak_IsItsRateInMiBPerMinute()
    {
        // 1 MiB per second after a warm-up jump: 60 MiB per minute, whatever the jump.
        var samples = Enumerable.Range(0, 30)
            .Select(s => new MemorySample(s, (s < 10 ? 100 : 300) * MiB + s * MiB, 50 * MiB))
            .ToList();

        Assert.Equal(60, MemoryGrowthAnalyser.WorkingSetSlope(samples), 6);
        Assert.Equal(0, MemoryGrowthAnalyser.ManagedHeapSlope(samples), 6);
    }

    [Fact]
    public void Analyse_GrowingHeap_IsAWarning()
    {
        var samples = Enumerable.Range(0, 60).Select(s => new MemorySample(s, 200 * MiB, 50 * MiB + s * MiB / 2)).ToList();

        var finding = Assert.Single(new MemoryGrowthAnalyser(limitMiBPerMinute: 8).Analyse(AnalysisInput.ForMemory(samples)));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("Memory keeps growing during the soak: 30 MiB/min", finding.Title);
    }

    [Fact]
    public void Analyse_FlatMemoryWithNoise_IsAHint()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 60).Select(s => new MemorySample(s, 200 * MiB + random.Next(0, (int)MiB), 50 * MiB)).ToList();

        var finding = Assert.Single(new MemoryGrowthAnalyser().Analyse(AnalysisInput.ForMemory(samples)));

        Assert.Equal(Severity.Hint, finding.Severity);
        Assert.StartsWith("Memory is flat during the soak", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_TooFewSamples_SaysNothing()
    {
        Assert.Empty(new MemoryGrowthAnalyser().Analyse(AnalysisInput.ForMemory([new MemorySample(0, 1, 1), new MemorySample(1, 2, 2)])));
    }
}
