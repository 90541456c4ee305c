namespace Tests.Unit.Docs;

/// <summary>
/// samples/PullRequestGate/README.md is what a user follows, and tools/gate-outside-repo.sh follows it for
/// them: the nuget.config both write is the one getting-started checks (samples/FirstPerfTest/nuget.config),
/// and the script runs the README's own commands, so the two cannot drift apart.
/// </summary>
public sealed class PullRequestGateReadmeTests
{
    private static readonly string Root = RepositoryRoot();

    [Theory]
    [InlineData("samples/PullRequestGate/README.md")]
    [InlineData("tools/gate-outside-repo.sh")]
    public void WritesTheSameNugetConfigAsGettingStarted(string file)
    {
        var text = Read(file);
        var config = Read("samples/FirstPerfTest/nuget.config");

        Assert.Contains($"cat > nuget.config <<'EOF'\n{config}EOF\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dotnet test PerfTests -c Release")]
    [InlineData("dotnet tool install PerfTesting.Cli --version 0.1.0")]
    [InlineData("sed -i 's/WorkUnits = 200_000;/WorkUnits = 220_000;/' Service/Work.cs")]
    [InlineData("--app Service/GateService.csproj --tests PerfTests/PerfTests.csproj")]
    public void Script_RunsTheReadmesCommands(string command)
    {
        Assert.Contains(command, Read("samples/PullRequestGate/README.md"), StringComparison.Ordinal);
        Assert.Contains(command, Read("tools/gate-outside-repo.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_WorkUnitsIsTheSamplesValue()
    {
        Assert.Contains("public const int WorkUnits = 200_000;", Read("samples/PullRequestGate/Service/Work.cs"), StringComparison.Ordinal);
    }

    private static string Read(string path) =>
        File.ReadAllText(Path.Combine(Root, path)).Replace("\r\n", "\n", StringComparison.Ordinal);

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
