using System.Text.Json;
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

    [Fact]
    public void Capture_RecordsTheBuildConfigurationOfTheTestAssembly()
    {
        // This test project's own configuration is known when it is compiled: Debug defines DEBUG and turns the optimizer off.
#if DEBUG
        const string expected = BuildConfiguration.Debug;
#else
        const string expected = BuildConfiguration.Release;
#endif

        Assert.Equal(expected, EnvironmentFingerprint.Capture().Configuration);
    }

    [Fact]
    public void DifferenceFrom_DebugAgainstRelease_IsADifference()
    {
        var release = SyntheticRuns.Here with { Configuration = BuildConfiguration.Release };

        Assert.Equal("Debug vs Release build", release.DifferenceFrom(release with { Configuration = BuildConfiguration.Debug }));
        Assert.Null(release.DifferenceFrom(release with { Configuration = BuildConfiguration.Release }));
    }

    [Fact]
    public void DifferenceFrom_ConfigurationUnknownOnOneSide_IsNoDifference()
    {
        // Baselines written before the configuration was recorded have none: they still compare on the machine.
        var release = SyntheticRuns.Here with { Configuration = BuildConfiguration.Release };

        Assert.Null(release.DifferenceFrom(release with { Configuration = null }));
        Assert.Null((release with { Configuration = null }).DifferenceFrom(release));
    }

    [Fact]
    public void Json_ConfigurationIsWrittenWhenKnown_AndOldFilesWithoutItStillRead()
    {
        var known = SyntheticRuns.Here with { Configuration = BuildConfiguration.Release };
        var unknown = SyntheticRuns.Here with { Configuration = null };

        var knownJson = JsonSerializer.Serialize(known, BaselineJson.Options);
        var unknownJson = JsonSerializer.Serialize(unknown, BaselineJson.Options);

        Assert.Contains("\"configuration\": \"Release\"", knownJson, StringComparison.Ordinal);
        Assert.DoesNotContain("configuration", unknownJson, StringComparison.Ordinal);
        Assert.Equal(known, JsonSerializer.Deserialize<EnvironmentFingerprint>(knownJson, BaselineJson.Options));
        Assert.Equal(unknown, JsonSerializer.Deserialize<EnvironmentFingerprint>(unknownJson, BaselineJson.Options));
    }
}
