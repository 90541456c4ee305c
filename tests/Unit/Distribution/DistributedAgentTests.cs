using PerfTesting.Distribution;
using PerfTesting.Load;

namespace Tests.Unit.Distribution;

public sealed class DistributedAgentTests
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void KubernetesIndexedJob_IndexFromJobCompletionIndex()
    {
        var agent = DistributedAgent.FromVariables(Variables(
            ("JOB_COMPLETION_INDEX", "2"), ("PERF_AGENT_COUNT", "4"), ("PERF_TEST_ID", "checkout"),
            ("PERF_START_AT", "2026-11-30T02:00:00Z"), ("PERF_RESULTS", "s3://perf/run-1")))!;

        Assert.Equal(2, agent.Index);
        Assert.Equal(4, agent.Count);
        Assert.Equal("1/2:3/4", agent.Segment.ToString());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), agent.StartAt);
        Assert.Equal("s3://perf/run-1", agent.Results);
        Assert.Equal("agent-0002-of-0004", agent.DirectoryName);
    }

    [Fact]
    public void GitHubMatrix_IndexFromPerfAgentIndex_StartAsUnixSeconds()
    {
        var agent = DistributedAgent.FromVariables(Variables(
            ("PERF_AGENT_INDEX", "0"), ("JOB_COMPLETION_INDEX", "3"), ("PERF_AGENT_COUNT", "2"), ("PERF_TEST_ID", "t"), ("PERF_START_AT", "1800000000")))!;

        Assert.Equal(0, agent.Index);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), agent.StartAt);
        var options = agent.ApplyTo(new LoadRunnerOptions());
        Assert.Equal(agent.StartAt, options.StartAt);
        Assert.Equal(1, options.Stripe.CountBelow(2));
    }

    [Fact]
    public void ExplicitSegment_WithItsSequence()
    {
        var agent = DistributedAgent.FromVariables(Variables(
            ("PERF_AGENT_INDEX", "1"), ("PERF_AGENT_COUNT", "2"), ("PERF_TEST_ID", "t"),
            ("PERF_SEGMENT", "1/3:1"), ("PERF_SEGMENT_SEQUENCE", "0,1/3,1")))!;

        Assert.Equal("1/3:1", agent.Segment.ToString());
        Assert.Equal(67, agent.Sequence.Scale(agent.Segment, 100));
        Assert.Equal("0,1/3,1", DistributedAgent.FromVariables(Variables(
            ("PERF_AGENT_INDEX", "1"), ("PERF_AGENT_COUNT", "2"), ("PERF_TEST_ID", "t"), ("PERF_SEGMENT", "1/3:1")))!.Sequence.ToString());
    }

    [Fact]
    public void NoAgentCount_IsNotAnAgent() =>
        Assert.Null(DistributedAgent.FromVariables(Variables(("JOB_COMPLETION_INDEX", "1"))));

    [Theory]
    [InlineData("PERF_AGENT_COUNT", "0")]
    [InlineData("PERF_AGENT_INDEX", "4")]
    [InlineData("PERF_AGENT_INDEX", "")]
    [InlineData("PERF_TEST_ID", " ")]
    [InlineData("PERF_START_AT", "tomorrow")]
    [InlineData("PERF_SEGMENT", "3/4:1/4")]
    [InlineData("PERF_SEGMENT_SEQUENCE", "0,1/2,1")]
    public void InvalidVariable_IsRefusedByName(string name, string value)
    {
        var set = new Dictionary<string, string>
        {
            ["PERF_AGENT_INDEX"] = "1", ["PERF_AGENT_COUNT"] = "4", ["PERF_TEST_ID"] = "t",
            ["PERF_SEGMENT"] = "1/3:2/3", ["PERF_SEGMENT_SEQUENCE"] = "0,1/3,2/3,1",
        };
        set[name] = value;
        var e = Assert.Throws<ArgumentException>(() => DistributedAgent.FromVariables(n => set.GetValueOrDefault(n)));
        Assert.Contains(name == "PERF_AGENT_INDEX" && value.Length == 0 ? "JOB_COMPLETION_INDEX" : name, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HistogramConfiguration_IsTheLibrarysShape() =>
        Assert.Equal("1..3600000000 us, 3 significant digits", HistogramConfiguration.Current.ToString());
}
