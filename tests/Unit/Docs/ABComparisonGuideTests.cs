namespace Tests.Unit.Docs;

/// <summary>The A/B guide shows the PullRequestGate sample: each of its C# blocks is a verbatim part of a file under samples/PullRequestGate (built by .ci/run).</summary>
public sealed class ABComparisonGuideTests
{
    [Fact]
    public void Guide_CSharpBlocks_AreCopiedFromThePullRequestGateSample()
    {
        var root = RepositoryRoot();
        var guide = File.ReadAllText(Path.Combine(root, "docs", "guides", "ab-comparison.md"));
        var sources = Directory.GetFiles(Path.Combine(root, "samples", "PullRequestGate"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);

        Assert.NotEmpty(CodeBlocks.CSharp(guide));
        Assert.Empty(CodeBlocks.MissingFrom(guide, sources));
    }

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
