using System.Reflection;
using PerfTesting.Baselines;

namespace Tests.Unit.Baselines;

/// <summary>
/// The build configuration read from an assembly's metadata (what <c>perftest compare</c> checks on each
/// published side) against the runtime's own reading of the same attribute through reflection.
/// </summary>
public sealed class BuildConfigurationTests
{
    public static TheoryData<string> Assemblies() => new()
    {
        typeof(BuildConfigurationTests).Assembly.Location, // this test project: Debug or Release as built
        typeof(object).Assembly.Location,                  // System.Private.CoreLib: an optimized build
        typeof(EnvironmentFingerprint).Assembly.Location,  // the engine, built with this test project
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void OfFile_ReadsWhatReflectionReads(string path)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Single(a => !a.IsDynamic && a.Location == path);

        Assert.Equal(BuildConfiguration.Of(loaded), BuildConfiguration.OfFile(path));
    }

    [Fact]
    public void OfFile_ThisTestProject_IsTheConfigurationItWasCompiledIn()
    {
#if DEBUG
        const string expected = BuildConfiguration.Debug;
#else
        const string expected = BuildConfiguration.Release;
#endif

        Assert.Equal(expected, BuildConfiguration.OfFile(typeof(BuildConfigurationTests).Assembly.Location));
        Assert.Equal(BuildConfiguration.Release, BuildConfiguration.OfFile(typeof(object).Assembly.Location));
    }

    [Fact]
    public void OfFile_NotAnAssembly_Throws()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a portable executable");

            Assert.ThrowsAny<BadImageFormatException>(() => BuildConfiguration.OfFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Of_AnAssemblyWithoutTheAttribute_IsRelease()
    {
        // A dynamic assembly carries no DebuggableAttribute: nothing turned the optimizer off.
        var dynamic = System.Reflection.Emit.AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("NoAttribute"), System.Reflection.Emit.AssemblyBuilderAccess.Run);

        Assert.Equal(BuildConfiguration.Release, BuildConfiguration.Of(dynamic));
    }
}
