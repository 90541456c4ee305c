using PerfTesting.Baselines;

namespace Tests.Unit.Baselines;

public sealed class EnvironmentFingerprintTests
{
    [Fact]
    public void Capture_ThisMachine_DescribesIt()
    {
        var here = EnvironmentFingerprint.Capture();

        Assert.Equal(System.Environment.ProcessorCount, here.Cores);
        Assert.False(string.IsNullOrWhiteSpace(here.CpuModel));
        Assert.Contains(".NET", here.Runtime, StringComparison.Ordinal);
        Assert.Null(here.DifferenceFrom(here with { Commit = "other" }));
    }

    [Fact]
    public void DifferenceFrom_RuntimeMajorChange_IsADifference()
    {
        var here = SyntheticRuns.Here;

        Assert.Null(here.DifferenceFrom(here with { Runtime = ".NET 10.0.14" }));
        Assert.Contains("runtime", here.DifferenceFrom(here with { Runtime = ".NET 11.0.0" }), StringComparison.Ordinal);
        Assert.Contains("OS", here.DifferenceFrom(here with { Os = "Darwin 23" }), StringComparison.Ordinal);
    }
}
