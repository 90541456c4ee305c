using System.Globalization;
using PerfTesting.Baselines;
using PerfTesting.Comparison;
using PerfTesting.Measurement;

namespace Tests.Unit.Baselines;

public sealed class BaselineStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("baselines-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunAsync_NoBaseline_WritesReceivedAndFails()
    {
        var store = new BaselineStore(_directory);

        var outcome = await BaselineCheck.RunAsync(store, SyntheticRuns.Snapshot(), accept: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(BaselineStatus.Missing, outcome.Status);
        Assert.True(outcome.IsFailure);
        Assert.Equal(store.ReceivedPath("download"), outcome.WrittenPath);
        Assert.True(File.Exists(outcome.WrittenPath));
        Assert.Contains("PERF_ACCEPT=1", ComparisonTable.Render(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AcceptModeWithAReceivedFile_MakesTheReceivedFileTheBaseline()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(seed: 1), ct);
        await store.WriteReceivedAsync(SyntheticRuns.Snapshot(seed: 2), ct);

        var outcome = await BaselineCheck.RunAsync(store, SyntheticRuns.Snapshot(seed: 3), accept: true, cancellationToken: ct);

        Assert.Equal(BaselineStatus.Accepted, outcome.Status);
        Assert.Equal(AcceptSource.Received, outcome.AcceptedFrom);
        Assert.False(outcome.IsFailure);
        Assert.False(File.Exists(store.ReceivedPath("download")));
        Assert.Equal(SyntheticRuns.Snapshot(seed: 2), await store.LoadAsync("download", ct), new SnapshotComparer());
        Assert.Contains("accepted the received file", ComparisonTable.Render(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AcceptModeWithNothingYet_MakesThisRunTheBaseline()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;

        var outcome = await BaselineCheck.RunAsync(store, SyntheticRuns.Snapshot(seed: 3), accept: true, cancellationToken: ct);

        Assert.Equal(BaselineStatus.Accepted, outcome.Status);
        Assert.Equal(AcceptSource.ThisRun, outcome.AcceptedFrom);
        Assert.Equal(SyntheticRuns.Snapshot(seed: 3), await store.LoadAsync("download", ct), new SnapshotComparer());
    }

    [Fact]
    public async Task RunAsync_AcceptModeWithABaselineAndNothingReceived_ComparesAsUsual()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(medianMs: 5), ct);

        var outcome = await BaselineCheck.RunAsync(store, SyntheticRuns.Snapshot(medianMs: 6, seed: 2), accept: true, cancellationToken: ct);

        Assert.Equal(BaselineStatus.Compared, outcome.Status);
        Assert.True(outcome.IsFailure);
        Assert.Equal(SyntheticRuns.Snapshot(medianMs: 5), await store.LoadAsync("download", ct), new SnapshotComparer());
    }

    [Fact]
    public async Task RunAsync_Unchanged_PassesAndLeavesNoReceivedFile()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(seed: 1), ct);
        await store.WriteReceivedAsync(SyntheticRuns.Snapshot(seed: 9), ct);

        var outcome = await BaselineCheck.RunAsync(store, SyntheticRuns.Snapshot(seed: 2), accept: false, cancellationToken: ct);

        Assert.Equal(BaselineStatus.Compared, outcome.Status);
        Assert.False(outcome.IsFailure);
        Assert.Null(outcome.WrittenPath);
        Assert.False(File.Exists(store.ReceivedPath("download")));
    }

    [Fact]
    public async Task RunAsync_Regressed_FailsWithATableAndWritesReceived()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(medianMs: 5), ct);

        var outcome = await BaselineCheck.RunAsync(store, SyntheticRuns.Snapshot(medianMs: 6, seed: 2), accept: false, cancellationToken: ct);
        var table = ComparisonTable.Render(outcome);

        Assert.True(outcome.IsFailure);
        Assert.True(File.Exists(store.ReceivedPath("download")));
        Assert.Contains("Baseline 'download': Regressed", table, StringComparison.Ordinal);
        Assert.Matches(@"p50\s+\| \d\.\d{3} ms\s+\| \d\.\d{3} ms\s+\| \+\d+\.\d%", table);
    }

    [Fact]
    public async Task RunAsync_OtherEnvironment_FailsWithTheReason()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(environment: SyntheticRuns.Here with { Cores = 64 }), ct);

        var outcome = await BaselineCheck.RunAsync(store, SyntheticRuns.Snapshot(), accept: false, cancellationToken: ct);
        var table = ComparisonTable.Render(outcome);

        Assert.Equal(BaselineStatus.NotComparable, outcome.Status);
        Assert.True(outcome.IsFailure);
        Assert.Contains("64 vs", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Contains("FAILED: the baseline cannot be compared", table, StringComparison.Ordinal);
        Assert.Contains("64 vs", table, StringComparison.Ordinal);
        Assert.Contains("InformationalAcrossEnvironments", table, StringComparison.Ordinal);
        Assert.True(File.Exists(store.ReceivedPath("download")));
    }

    [Fact]
    public async Task RunAsync_Improved_PassesAndLeavesNoReceivedFile()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(medianMs: 5), ct);
        await store.WriteReceivedAsync(SyntheticRuns.Snapshot(seed: 9), ct);

        var outcome = await BaselineCheck.RunAsync(store, SyntheticRuns.Snapshot(medianMs: 4, seed: 2), accept: false, cancellationToken: ct);

        Assert.Equal(Verdict.Improved, outcome.Comparison!.Overall);
        Assert.False(outcome.IsFailure);
        Assert.Null(outcome.WrittenPath);
        Assert.False(File.Exists(store.ReceivedPath("download")));
    }

    [Fact]
    public async Task RunAsync_AcceptModeImprovedWithNothingReceived_MakesThisRunTheBaseline()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(medianMs: 5), ct);

        var outcome = await BaselineCheck.RunAsync(store, SyntheticRuns.Snapshot(medianMs: 4, seed: 2), accept: true, cancellationToken: ct);

        Assert.Equal(BaselineStatus.Accepted, outcome.Status);
        Assert.Equal(AcceptSource.ThisRun, outcome.AcceptedFrom);
        Assert.Contains("this run passed (Improved)", ComparisonTable.Render(outcome), StringComparison.Ordinal);
        Assert.Equal(SyntheticRuns.Snapshot(medianMs: 4, seed: 2), await store.LoadAsync("download", ct), new SnapshotComparer());
    }

    [Fact]
    public async Task RunAsync_OtherEnvironmentOptedInAsInformational_IsReportedNotFailed()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(environment: SyntheticRuns.Here with { Cores = 64 }), ct);

        var outcome = await BaselineCheck.RunAsync(
            store, SyntheticRuns.Snapshot(medianMs: 50), new ComparisonOptions { InformationalAcrossEnvironments = true }, accept: false, cancellationToken: ct);

        Assert.Equal(BaselineStatus.NotComparable, outcome.Status);
        Assert.False(outcome.IsFailure);
        Assert.False(File.Exists(store.ReceivedPath("download")));
        Assert.Contains("informational only, no verdict", ComparisonTable.Render(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RelativeFolder_ResolvesAgainstTheTestProjectFolder()
    {
        var store = new BaselineStore("Baselines");

        Assert.Equal(Path.Combine(ProjectDirectory.Current, "Baselines"), store.Directory);
        Assert.True(File.Exists(Path.Combine(ProjectDirectory.Current, "Tests.Unit.csproj")), ProjectDirectory.Current);
    }

    [Fact]
    public async Task AcceptAll_MovesEveryReceivedFileOverItsBaseline()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteReceivedAsync(SyntheticRuns.Snapshot(name: "b"), ct);
        await store.WriteReceivedAsync(SyntheticRuns.Snapshot(name: "a"), ct);

        Assert.Equal(["a", "b"], store.AcceptAll());
        Assert.NotNull(await store.LoadAsync("a", ct));
        Assert.Empty(Directory.GetFiles(_directory, "*.received.json"));
        Assert.Empty(new BaselineStore(Path.Combine(_directory, "none")).AcceptAll());
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("")]
    public void BaselinePath_UnsafeName_IsRejected(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new BaselineStore(_directory).BaselinePath(name));
    }

    [Fact]
    public void Json_RoundTrip_KeepsEverything()
    {
        var snapshot = SyntheticRuns.Snapshot();

        var json = BaselineJson.Serialize(snapshot);

        Assert.StartsWith("{\n  \"schema\": \"perftesting.baseline/v1\"", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(snapshot, BaselineJson.Deserialize(json), new SnapshotComparer());
    }

    [Theory]
    [InlineData("{\"schema\":\"perftesting.baseline/v0\"}")]
    [InlineData("not json")]
    [InlineData("null")]
    public void Json_NotABaseline_IsRejected(string json)
    {
        Assert.Throws<InvalidDataException>(() => BaselineJson.Deserialize(json));
    }

    [Fact]
    public void HistogramCodec_RoundTrip_KeepsTheDistribution()
    {
        var snapshot = SyntheticRuns.Snapshot();
        var histogram = HistogramCodec.Decode(snapshot.LatencyHistogram);

        Assert.Equal(20_000, histogram.TotalCount);
        Assert.Equal(snapshot.Summary.P99Ms, histogram.GetValueAtPercentile(99) / 1000.0);
        Assert.Equal(snapshot.LatencyHistogram, HistogramCodec.Encode(histogram));
        Assert.Throws<FormatException>(() => HistogramCodec.Decode(Convert.ToBase64String([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])));
    }

    [Fact]
    public async Task ComparisonTable_CommaDecimalCulture_StaysInvariant()
    {
        var store = new BaselineStore(_directory);
        var ct = TestContext.Current.CancellationToken;
        await store.WriteBaselineAsync(SyntheticRuns.Snapshot(medianMs: 5), ct);
        var outcome = await BaselineCheck.RunAsync(store, SyntheticRuns.Snapshot(medianMs: 6, seed: 2), accept: false, cancellationToken: ct);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
            var table = ComparisonTable.Render(outcome);

            Assert.Contains("req/s", table, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d,\d", table);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private sealed class SnapshotComparer : IEqualityComparer<BaselineSnapshot?>
    {
        public bool Equals(BaselineSnapshot? x, BaselineSnapshot? y) =>
            x is not null && y is not null && x with { ThroughputSeries = [], SecondHistograms = null } == y with { ThroughputSeries = [], SecondHistograms = null }
            && x.ThroughputSeries.SequenceEqual(y.ThroughputSeries)
            && (x.SecondHistograms ?? []).SequenceEqual(y.SecondHistograms ?? []);

        public int GetHashCode(BaselineSnapshot? obj) => 0;
    }
}
