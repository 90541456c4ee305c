using PerfTesting.Comparison;
using PerfTesting.Baselines;
using PerfTesting.Xunit.Baselines;
using Tests.Unit.Baselines;

namespace Tests.Unit.XunitGlue;

public sealed class BaselineAssertTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("baseline-assert-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task NoRegressionAsync_Regressed_FailsTheTestWithTheTable()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(medianMs: 5), ct);

        var failure = await Assert.ThrowsAsync<BaselineRegressionException>(
            () => BaselineAssert.NoRegressionAsync(store, SyntheticRuns.Snapshot(medianMs: 6, seed: 2), cancellationToken: ct));

        Assert.Contains("Regressed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("p99", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRegressionAsync_Unchanged_Passes()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(seed: 1), ct);

        var outcome = await BaselineAssert.NoRegressionAsync(store, SyntheticRuns.Snapshot(seed: 2), cancellationToken: ct);

        Assert.Equal(Verdict.Same, outcome.Comparison?.Overall);
    }

    [Fact]
    public void NoRegression_Missing_FailsAndNamesTheReceivedFile()
    {
        var outcome = new BaselineOutcome("x", BaselineStatus.Missing, null, "/tmp/x.received.json");

        var failure = Assert.Throws<BaselineRegressionException>(() => BaselineAssert.NoRegression(outcome));

        Assert.Contains("/tmp/x.received.json", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LoadTests.HomePageTests.HomePage_HundredClients_MeetsItsSla", "LoadTests.HomePageTests.HomePage_HundredClients_MeetsItsSla")]
    [InlineData("Search(term: \"a b\")", "Search-term---a-b")]
    [InlineData("...", "run")]
    public void BaselineName_AnyRunName_IsAValidFileName(string runName, string expected)
    {
        Assert.Equal(expected, BaselineAssert.BaselineName(runName));
    }

    [Fact]
    public async Task NoRegressionAsync_BaselineFromAnotherMachine_FailsWithTheReason()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(environment: SyntheticRuns.Here with { Cores = 64 }), ct);

        var failure = await Assert.ThrowsAsync<BaselineRegressionException>(
            () => BaselineAssert.NoRegressionAsync(store, SyntheticRuns.Snapshot(), cancellationToken: ct));

        Assert.Contains("cannot be compared", failure.Message, StringComparison.Ordinal);
        Assert.Contains("64 vs 2 cores", failure.Message, StringComparison.Ordinal);
    }
}
