using System.Diagnostics;
using System.Reflection;

namespace PerfTesting.Xunit.Comparison;

/// <summary>Whether an assembly was compiled with the JIT optimizer disabled (a Debug build): its timings say little about Release.</summary>
internal static class BuildConfiguration
{
    /// <summary>"Debug" when <paramref name="assembly"/> disables JIT optimization, else "Release".</summary>
    public static string Of(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true ? "Debug" : "Release";
}
