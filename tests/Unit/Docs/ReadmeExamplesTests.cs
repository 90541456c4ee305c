using System.Xml.Linq;

namespace Tests.Unit.Docs;

/// <summary>
/// Keeps the documentation's C# examples and the samples one text: every <c>```csharp</c> block of
/// README.md, of every page under <c>docs/</c> and of each README under <c>src/</c> is a verbatim part of a
/// file under <c>samples/</c>, which <c>.ci/run</c> restores from the packed packages, builds outside the
/// repository and runs. Edit the sample, then paste it into the page.
/// </summary>
public sealed class ReadmeExamplesTests
{
    private static readonly string Root = RepositoryRoot();

    public static TheoryData<string> Documents() => [.. DocumentPaths()];

    private static IEnumerable<string> DocumentPaths() =>
        new[] { "README.md", "CONTRIBUTING.md" }
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(Root, "src"), "README.md", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(Root, Path.Combine(Root, path)))
            .Where(path => !IsBuildOutput(path));

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryCSharpExample_IsPartOfASample(string document)
    {
        var missing = CodeBlocks.MissingFrom(File.ReadAllText(Path.Combine(Root, document)), SampleSources());

        Assert.True(missing.Count == 0,
            $"{document}: these C# blocks are in no file under samples/ (make the sample the example, then copy it):\n\n"
            + string.Join("\n---\n", missing));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void NoDocument_NamesAFolderOutsideTheRepository(string document)
    {
        var text = File.ReadAllText(Path.Combine(Root, document));

        // A clone has no ../shared (design notes kept beside one working copy): what they held lives in docs/.
        Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_IsAFrontDoorOfAtMost200Lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));

        Assert.True(lines.Length <= 200, $"README.md has {lines.Length} lines; move detail into docs/.");
    }

    [Fact]
    public void Documents_IncludeEveryPageUnderDocs()
    {
        var documents = DocumentPaths().ToList();

        Assert.Contains(Path.Combine("docs", "getting-started.md"), documents);
        Assert.True(documents.Count(d => d.StartsWith(Path.Combine("docs", "guides"), StringComparison.Ordinal)) >= 6, string.Join(", ", documents));
    }

    [Fact]
    public void Readme_HasTheLoadTestExample()
    {
        var blocks = CodeBlocks.CSharp(File.ReadAllText(Path.Combine(Root, "README.md")));

        Assert.Contains(blocks, block => block.Contains("PerfRunner.RunAsync", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("FirstPerfTest.csproj")]
    [InlineData("xunit.runner.json")]
    [InlineData("nuget.config")]
    public void GettingStarted_WritesTheSampleFilesVerbatim(string file)
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs", "getting-started.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var sample = File.ReadAllText(Path.Combine(Root, "samples", "FirstPerfTest", file)).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains($"cat > {file} <<'EOF'\n{sample}EOF\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFrom_AChangedExample_IsReported()
    {
        const string Sample = "namespace A;\n\npublic class B\n{\n    int C => 1;\n}\n";
        var markdown = "text\n```csharp\npublic class B\n{\n    int C => 2;\n}\n```\nmore\n```csharp\nnamespace A;\n```\n";

        var missing = CodeBlocks.MissingFrom(markdown, [Sample]);

        Assert.Equal(["public class B\n{\n    int C => 2;\n}\n"], missing);
    }

    [Fact]
    public void Samples_ReferenceThePackagesAtTheVersionThatIsPacked()
    {
        var version = XDocument.Load(Path.Combine(Root, "src", "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
        var references = Directory.GetFiles(Path.Combine(Root, "samples"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(project => XDocument.Load(project).Descendants("PackageReference"))
            .Where(reference => ((string?)reference.Attribute("Include"))?.StartsWith("PerfTesting", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.Equal(version, (string?)reference.Attribute("Version")));
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules");

    private static IEnumerable<string> SampleSources() =>
        Directory.GetFiles(Path.Combine(Root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Registry.sln not found above " + AppContext.BaseDirectory);
    }
}
