using PerfTesting.Cli.Compare;
using Tests.Unit.Baselines;

namespace Tests.Unit.Cli;

/// <summary><c>perftest compare</c> refuses a side whose published entry assembly has the JIT optimizer disabled (exit 2, with the reason), and takes an optimized one.</summary>
public sealed class CompareDebugSideTests
{
    [Fact]
    public void EnsureOptimized_DebugBuild_IsRefusedWithTheReason()
    {
        var path = BuildConfigurationTests.SaveAssembly(modesConstructor: true, optimizerDisabled: true);
        try
        {
            var error = Assert.Throws<CompareFailedException>(() => ServiceSide.EnsureOptimized("A", "Service/App.csproj", path));

            Assert.Contains("side A", error.Message, StringComparison.Ordinal);
            Assert.Contains("JIT optimizer disabled", error.Message, StringComparison.Ordinal);
            Assert.Contains("<Optimize>false</Optimize>", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EnsureOptimized_ReleaseBuild_IsTaken()
    {
        var path = BuildConfigurationTests.SaveAssembly(modesConstructor: true, optimizerDisabled: false);
        try
        {
            ServiceSide.EnsureOptimized("B", "Service/App.csproj", path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
