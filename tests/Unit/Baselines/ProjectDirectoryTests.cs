using System.Reflection;
using System.Reflection.Emit;
using PerfTesting.Baselines;

namespace Tests.Unit.Baselines;

public sealed class ProjectDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("project-dir-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Find_AssemblyMetadataNamesAnExistingFolder_ReturnsIt()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("WithMetadata"), AssemblyBuilderAccess.Run);
        assembly.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(AssemblyMetadataAttribute).GetConstructor([typeof(string), typeof(string)])!, [ProjectDirectory.MetadataKey, _root]));

        Assert.Equal(_root, ProjectDirectory.Find(assembly, outputDirectory: "", fallback: "/"));
    }

    [Fact]
    public void Find_NoMetadata_WalksUpToTheFolderWithAProjectFile()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "MyTests")).FullName;
        File.WriteAllText(Path.Combine(project, "MyTests.csproj"), "<Project />");
        var output = Directory.CreateDirectory(Path.Combine(project, "bin", "Debug", "net10.0")).FullName;

        Assert.Equal(project, ProjectDirectory.Find(null, output, fallback: "/"));
    }

    [Fact]
    public void Find_NothingFound_ReturnsTheFallback()
    {
        var output = Directory.CreateDirectory(Path.Combine(_root, "plain")).FullName;

        Assert.Equal(_root, ProjectDirectory.Find(null, "", fallback: _root));
        Assert.Equal(_root, ProjectDirectory.Find(null, output, fallback: _root));
    }

    [Fact]
    public void Resolve_AbsolutePath_IsKept()
    {
        Assert.Equal(_root, ProjectDirectory.Resolve(_root));
    }
}
