using k8s;
using k8s.Models;

namespace Tests.Unit.Deploy;

/// <summary>
/// Without a cluster here, the manifests are checked by loading them into the KubernetesClient typed
/// model (an unknown field or a wrong type fails the load) and asserting the fields a distributed run
/// depends on.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "deploy", "kubernetes");

    private static V1Job Load(string file) => KubernetesYaml.Deserialize<V1Job>(File.ReadAllText(Path.Combine(Folder, file)), strict: true);

    private static string Env(V1Container container, string name) =>
        Assert.Single(container.Env, e => e.Name == name).Value;

    private static string Arg(V1Container container, string name) =>
        Assert.Single(container.Args, a => a.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    [Fact]
    public void AgentsJob_IsAnIndexedJobWhoseCountMatchesItsCompletions()
    {
        var job = Load("agents-job.yaml");

        Assert.Equal("batch/v1", job.ApiVersion);
        Assert.Equal("Job", job.Kind);
        Assert.Equal("Indexed", job.Spec.CompletionMode);
        Assert.Equal(4, job.Spec.Completions);
        Assert.Equal(job.Spec.Completions, job.Spec.Parallelism);
        Assert.Equal(0, job.Spec.BackoffLimitPerIndex);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        var agent = Assert.Single(job.Spec.Template.Spec.Containers);
        Assert.Equal("agent", agent.Args[0]);

        // The index comes from JOB_COMPLETION_INDEX, which Kubernetes sets; the count must equal completions.
        Assert.DoesNotContain(agent.Env, e => e.Name is "JOB_COMPLETION_INDEX" or "PERF_AGENT_INDEX");
        Assert.Equal(job.Spec.Completions, int.Parse(Env(agent, "PERF_AGENT_COUNT"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("s3://", Env(agent, "PERF_RESULTS"), StringComparison.Ordinal);
        Assert.Equal("START_AT", Env(agent, "PERF_START_AT"));
        Assert.Equal("perftest-s3", Assert.Single(agent.EnvFrom).SecretRef.Name);
    }

    [Fact]
    public void TestAgentsJob_RunsATeamsTestImageAsTheSameIndexedAgents()
    {
        var cli = Load("agents-job.yaml");
        var job = Load("test-agents-job.yaml");

        // The same Indexed Job shape as the CLI's agents: every pod at once, no retry, count = completions.
        Assert.Equal("Indexed", job.Spec.CompletionMode);
        Assert.Equal(job.Spec.Completions, job.Spec.Parallelism);
        Assert.Equal(0, job.Spec.BackoffLimitPerIndex);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        var agent = Assert.Single(job.Spec.Template.Spec.Containers);
        var cliAgent = Assert.Single(cli.Spec.Template.Spec.Containers);
        Assert.Equal(job.Spec.Completions, int.Parse(Env(agent, "PERF_AGENT_COUNT"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(agent.Env, e => e.Name is "JOB_COMPLETION_INDEX" or "PERF_AGENT_INDEX");
        Assert.Equal("START_AT", Env(agent, "PERF_START_AT"));
        Assert.StartsWith("s3://", Env(agent, "PERF_RESULTS"), StringComparison.Ordinal);
        Assert.Equal("perftest-s3", Assert.Single(agent.EnvFrom).SecretRef.Name);

        // A team's image, not the tool: the runner's arguments select one test, not the `agent` verb.
        Assert.NotEqual(cliAgent.Image, agent.Image);
        Assert.DoesNotContain("agent", agent.Args);
        Assert.Equal("-method", agent.Args[0]);

        // The merge Job reads what either kind of agent writes.
        var merge = Assert.Single(Load("merge-job.yaml").Spec.Template.Spec.Containers);
        Assert.Equal(Env(agent, "PERF_RESULTS"), Arg(merge, "--from"));
    }

    [Fact]
    public void AgentDockerfile_BuildsEitherTheToolOrATeamsAssemblyOnAnyBase()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", "agent", "Dockerfile"));

        // The base is an argument (Microsoft's image by default; the local one where nothing can be pulled).
        var args = dockerfile.Where(l => l.StartsWith("ARG ", StringComparison.Ordinal)).ToList();
        Assert.Contains("ARG BASE=mcr.microsoft.com/dotnet/aspnet:10.0", args);
        Assert.Contains("FROM ${BASE}", dockerfile);
        Assert.Contains("ARG ASSEMBLY=PerfTesting.Cli.dll", args);
        Assert.Single(dockerfile, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal) && l.Contains("$PERF_AGENT_ASSEMBLY", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.StartsWith("USER ", StringComparison.Ordinal));
    }

    [Fact]
    public void MergeJob_ReadsThePrefixTheAgentsWriteAndEvaluatesAnSla()
    {
        var agents = Assert.Single(Load("agents-job.yaml").Spec.Template.Spec.Containers);
        var job = Load("merge-job.yaml");

        Assert.Null(job.Spec.CompletionMode);
        Assert.Equal(1, job.Spec.Completions);
        Assert.Equal(0, job.Spec.BackoffLimit);
        var merge = Assert.Single(job.Spec.Template.Spec.Containers);
        Assert.Equal(agents.Image, merge.Image);
        Assert.Equal("merge", merge.Args[0]);
        Assert.Equal(Env(agents, "PERF_RESULTS"), Arg(merge, "--from"));
        Assert.False(Arg(merge, "--out").StartsWith(Arg(merge, "--from") + "/", StringComparison.Ordinal), "the merged reports go beside the agents' prefix, not inside it");
        Assert.Contains(merge.Args, a => a.StartsWith("--sla=", StringComparison.Ordinal));
        Assert.Equal("perftest-s3", Assert.Single(merge.EnvFrom).SecretRef.Name);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }
}
