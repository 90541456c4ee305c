using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OfFile_AnAssemblySavedWithTheOptimizerDisabled_IsDebug(bool modesConstructor)
    {
        // Both forms the C# compiler has emitted: DebuggableAttribute(DebuggingModes) and (bool tracking, bool optimizerDisabled).
        var path = SaveAssembly(modesConstructor, optimizerDisabled: true);
        try
        {
            Assert.Equal(BuildConfiguration.Debug, BuildConfiguration.OfFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OfFile_AnAssemblySavedWithTheOptimizerOn_IsRelease(bool modesConstructor)
    {
        var path = SaveAssembly(modesConstructor, optimizerDisabled: false);
        try
        {
            Assert.Equal(BuildConfiguration.Release, BuildConfiguration.OfFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes a tiny assembly with the given DebuggableAttribute, as a compiler would, and returns its path.</summary>
    internal static string SaveAssembly(bool modesConstructor, bool optimizerDisabled)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName("Saved" + Guid.NewGuid().ToString("N")), typeof(object).Assembly);
        var attribute = modesConstructor
            ? new CustomAttributeBuilder(
                typeof(DebuggableAttribute).GetConstructor([typeof(DebuggableAttribute.DebuggingModes)])!,
                [optimizerDisabled
                    ? DebuggableAttribute.DebuggingModes.Default | DebuggableAttribute.DebuggingModes.DisableOptimizations | DebuggableAttribute.DebuggingModes.IgnoreSymbolStoreSequencePoints
                    : DebuggableAttribute.DebuggingModes.IgnoreSymbolStoreSequencePoints])
            : new CustomAttributeBuilder(typeof(DebuggableAttribute).GetConstructor([typeof(bool), typeof(bool)])!, [true, optimizerDisabled]);
        builder.SetCustomAttribute(attribute);
        builder.DefineDynamicModule("Saved").DefineType("Empty", TypeAttributes.Public).CreateType();
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.dll");
        builder.Save(path);
        return path;
    }
}
