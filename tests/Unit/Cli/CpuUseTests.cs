using PerfTesting.Cli.Compare;

namespace Tests.Unit.Cli;

/// <summary>The report says when the machine or the load generator, not the code, may have decided.</summary>
public sealed class CpuUseTests
{
    [Fact]
    public void Lines_QuietMachine_GiveTheFiguresWithoutWarnings()
    {
        var cpu = new CpuUse(100, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(66), TimeSpan.FromSeconds(20), 0.75, 2);

        var lines = cpu.Lines();

        Assert.Equal("CPU during the rounds (100 s, 2 cores): A used 60.0 s (0.60 cores), B used 66.0 s (0.66 cores), the load generator 20.0 s (0.20 cores), the machine was 75% busy.", Assert.Single(lines));
    }

    [Fact]
    public void Lines_SaturatedMachine_Warns()
    {
        var lines = new CpuUse(100, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(20), 0.97, 2).Lines();

        Assert.Contains(lines, l => l.Contains("The machine was saturated (97% of 2 cores busy)", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_GeneratorUsingAlmostACoreOfTwo_Warns()
    {
        var lines = new CpuUse(100, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(95), 0.80, 2).Lines();

        Assert.Contains(lines, l => l.Contains("The load generator was saturated (0.95 of 2 cores)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("machine was saturated", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_UnknownGeneratorAndMachine_SayUnknown()
    {
        var line = Assert.Single(new CpuUse(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), null, null, 2).Lines());

        Assert.Contains("the load generator unknown, the machine was of unknown load", line, StringComparison.Ordinal);
    }
}
