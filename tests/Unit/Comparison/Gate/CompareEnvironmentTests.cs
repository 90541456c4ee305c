using PerfTesting.Comparison;
using PerfTesting.Comparison.Gate;

namespace Tests.Unit.Comparison.Gate;

/// <summary>What <c>perftest compare</c> hands the perf tests survives the trip through the environment, and a malformed value is refused.</summary>
public sealed class CompareEnvironmentTests
{
    private static readonly CompareEnvironment Sample = new(new Uri("http://127.0.0.1:5001/"), new Uri("http://127.0.0.1:5002/"), "/tmp/out", TimeSpan.FromSeconds(90), "base 1a2b", "head 3c4d");

    [Theory]
    [InlineData(ABSchedule.Interleaved)]
    [InlineData(ABSchedule.Duet)]
    public void ToVariables_ThenRead_GivesTheSameContext(ABSchedule schedule)
    {
        var context = Sample with { Schedule = schedule };
        var variables = context.ToVariables();

        Assert.Equal(context, CompareEnvironment.Read(name => variables.TryGetValue(name, out var v) ? v : null));
    }

    [Fact]
    public void Read_NoScheduleVariable_IsInterleaved()
    {
        var variables = Sample.ToVariables().Where(v => v.Key != "PERFTEST_COMPARE_SCHEDULE").ToDictionary();

        Assert.Equal(ABSchedule.Interleaved, CompareEnvironment.Read(name => variables.GetValueOrDefault(name))!.Schedule);
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("1")]
    public void Read_MalformedSchedule_Throws(string value)
    {
        var variables = new Dictionary<string, string>(Sample.ToVariables()) { ["PERFTEST_COMPARE_SCHEDULE"] = value };

        var error = Assert.Throws<InvalidOperationException>(() => CompareEnvironment.Read(name => variables.GetValueOrDefault(name)));
        Assert.Contains("Interleaved or Duet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotComparing_IsNull() => Assert.Null(CompareEnvironment.Read(_ => null));
}
