using YamlDotNet.RepresentationModel;

namespace Tests.Unit.Deploy;

/// <summary>
/// .github/workflows/distributed.yml read as YAML (no Actions runner here): the matrix jobs are agents
/// by their environment alone, and run either the CLI's agent or a team's test project.
/// </summary>
public sealed class GitHubMatrixWorkflowTests
{
    private static readonly YamlMappingNode Workflow = Load();

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(KubernetesManifestTests.RepositoryRoot(), ".github", "workflows", "distributed.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string Text(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    private static List<YamlMappingNode> Steps(string job) =>
        [.. ((YamlSequenceNode)Map(Map(Workflow, "jobs"), job).Children[new YamlScalarNode("steps")]).Cast<YamlMappingNode>()];

    [Fact]
    public void AgentJob_TakesItsPlaceFromTheMatrix()
    {
        var agent = Map(Map(Workflow, "jobs"), "agent");
        var env = Map(agent, "env");

        Assert.Equal("${{ strategy.job-index }}", Text(env, "PERF_AGENT_INDEX"));
        Assert.Equal("${{ strategy.job-total }}", Text(env, "PERF_AGENT_COUNT"));
        Assert.Equal("${{ needs.plan.outputs.start-at }}", Text(env, "PERF_START_AT"));
        Assert.EndsWith("agent-results", Text(env, "PERF_RESULTS"), StringComparison.Ordinal);
        Assert.Equal("false", Text(Map(agent, "strategy"), "fail-fast"));
    }

    [Fact]
    public void AgentJob_RunsTheCliAgentOrATeamsTestProject_NeverBoth()
    {
        var inputs = Map(Map(Map(Workflow, "on"), "workflow_dispatch"), "inputs");
        Assert.True(Has(inputs, "test-project"));
        Assert.Equal("false", Text(Map(inputs, "url"), "required"));

        var steps = Steps("agent");
        var cli = Assert.Single(steps, s => Has(s, "run") && Text(s, "run").Contains("PerfTesting.Cli.dll agent", StringComparison.Ordinal));
        var team = Assert.Single(steps, s => Has(s, "run") && Text(s, "run").Contains("dotnet run --project \"$TEST_PROJECT\"", StringComparison.Ordinal));

        // Exactly one of them runs: the conditions are each other's negation on the same input.
        Assert.Equal("${{ inputs.test-project == '' }}", Text(cli, "if"));
        Assert.Equal("${{ inputs.test-project != '' }}", Text(team, "if"));
        // The team's test gets no agent arguments: the job's environment alone makes it an agent.
        Assert.DoesNotContain("PERF_AGENT", Text(team, "run"), StringComparison.Ordinal);
        var upload = Assert.Single(steps, s => Has(s, "uses") && Text(s, "uses").StartsWith("actions/upload-artifact", StringComparison.Ordinal));
        Assert.Equal("agent-results/", Text(Map(upload, "with"), "path"));
    }

    [Fact]
    public void MergeJob_MergesEveryAgentsArtifact()
    {
        var steps = Steps("merge");
        var download = Assert.Single(steps, s => Has(s, "uses") && Text(s, "uses").StartsWith("actions/download-artifact", StringComparison.Ordinal));
        Assert.Equal("agent-*", Text(Map(download, "with"), "pattern"));
        var merge = Assert.Single(steps, s => Has(s, "run") && Text(s, "run").Contains(" merge --from ", StringComparison.Ordinal));
        Assert.Contains("--from " + Text(Map(download, "with"), "path"), Text(merge, "run"), StringComparison.Ordinal);
    }
}
