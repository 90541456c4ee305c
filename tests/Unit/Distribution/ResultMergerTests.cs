using PerfTesting.Assertions;
using PerfTesting.Distribution;
using PerfTesting.Load;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Exporters;

namespace Tests.Unit.Distribution;

public sealed class ResultMergerTests
{
    // Latencies of 0 to 4 ms by iteration, so the distribution has a shape worth comparing.
    private static readonly Scenario Varied = Scenario.Create("varied", async (context, ct) =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(context.Iteration % 5), ct);
        return context.Iteration % 7 == 0 ? StepOutcome.Fail("every seventh") : StepOutcome.Ok(bytes: 100);
    });

    private static async Task<List<AgentResult>> RunAgentsAsync(int agents, string testId = "test-a", int clients = 10, long iterations = 40)
    {
        var sequence = ExecutionSegmentSequence.Even(agents);
        var runs = Enumerable.Range(0, agents).Select(async i =>
        {
            var agent = new DistributedAgent(i, agents, testId, sequence.Segments[i], sequence, null, null);
            var runner = new LoadRunner(agent.ApplyTo(new LoadRunnerOptions { Name = "checkout", RawSampleCapacity = 10_000, CaptureProcess = false }));
            var result = await runner.RunAsync(LoadProfile.ClosedIterations(clients, iterations), Varied, TestContext.Current.CancellationToken);
            return AgentResult.Of(agent, [result]);
        });
        var results = await Task.WhenAll(runs);
        // Runs of a few milliseconds started side by side need not overlap on a busy machine, and the merge
        // refuses parts run one after the other (PartsFit, tested on its own): every part gets the span of all.
        var start = results.Min(a => a.Runs[0].Environment.StartedAt);
        var end = results.Max(a => a.Runs[0].Environment.EndedAt);
        return [.. results.Select(a => a with { Runs = [a.Runs[0] with { Environment = a.Runs[0].Environment with { StartedAt = start, EndedAt = end } }] })];
    }

    [Fact]
    public async Task Merge_AddsHistogramsBucketByBucket_PercentilesAreThoseOfTheUnionOfRawSamples()
    {
        var agents = await RunAgentsAsync(4);

        var merged = ResultMerger.Merge(agents);

        var run = Assert.Single(merged.Runs).Merged;
        Assert.Equal(400, run.Totals.Started);
        Assert.Equal(agents.Sum(a => a.Runs[0].Totals.Failed), run.Totals.Failed);
        Assert.Equal(agents.Sum(a => a.Runs[0].ErrorsByKind["every seventh"]), run.ErrorsByKind["every seventh"]);
        Assert.Equal(400, run.Series.Sum(s => s.Requests));

        // The union of every raw sample, recorded into a fresh histogram, has exactly the merged percentiles:
        // adding histograms loses nothing that recording the union would keep.
        var union = LatencyHistograms.Create();
        foreach (var sample in agents.SelectMany(a => a.Runs[0].RawSamples))
        {
            union.RecordValue((long)Math.Round(sample.LatencyMs * 1000));
        }

        Assert.Equal(union.TotalCount, run.Latency.Count);
        foreach (var p in new[] { 50.0, 90, 99, 100 })
        {
            Assert.Equal(LatencyStats.Percentile(union, p), LatencyStats.Percentile(run.DecodeHistogram(), p));
        }

        // And against the exact order statistic of the raw samples: within the histogram's 3 significant digits.
        var sorted = agents.SelectMany(a => a.Runs[0].RawSamples).Select(s => s.LatencyMs).Order().ToList();
        var exactP99 = sorted[(int)Math.Ceiling(0.99 * sorted.Count) - 1];
        Assert.Equal(exactP99, run.Latency.P99, exactP99 * 0.001 + 0.001);
        Assert.Equal(sorted[^1], run.Latency.Max, sorted[^1] * 0.001 + 0.001);
        Assert.Equal(4, merged.Runs[0].Agents.Count);
        Assert.True(merged.IsComplete);
    }

    [Fact]
    public async Task Merge_ThroughAgentFolders_KeepsTheWhiteBoxTagBreakdown_MergedPerTagValue()
    {
        // Agent 0 saw 3 s3 failures and 1 dynamodb failure, agent 1 saw 2 s3 failures: the merged run must
        // still tell the components apart (5 and 1), as the registry's failure counter is read by component.
        var agents = await RunAgentsAsync(2);
        agents[0] = WithFailures(agents[0], ("s3", 3, 2, 4), ("dynamodb", 1, 7, 7));
        agents[1] = WithFailures(agents[1], ("s3", 2, 1, 9));
        var root = Directory.CreateTempSubdirectory("perftest-merge-tags-").FullName;
        try
        {
            foreach (var agent in agents)
            {
                await AgentResultFiles.WriteAsync(agent, Path.Combine(root, $"agent-{agent.AgentIndex}"), TestContext.Current.CancellationToken);
            }

            var merged = ResultMerger.Merge(await AgentResultFiles.ReadAllAsync(root, TestContext.Current.CancellationToken));

            var failures = Assert.Single(Assert.Single(merged.Runs).Merged.WhiteBox);
            Assert.Equal((6L, 6.0), (failures.Count, failures.Sum));
            Assert.Equal(["component=dynamodb", "component=s3"], failures.ByTag.Select(b => string.Join(",", b.Tags.Select(t => $"{t.Key}={t.Value}"))));
            var s3 = failures.ByTag[1];
            Assert.Equal((5L, 5.0, 1.0, 9.0), (s3.Count, s3.Sum, s3.Min, s3.Max));
            Assert.Equal(5, failures.SumWhere("component", "s3"));
            Assert.Equal(1, failures.SumWhere("component", "dynamodb"));
            Assert.Null(s3.P50); // two parts, no histograms to add: no percentile rather than a wrong one
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static AgentResult WithFailures(AgentResult agent, params (string Component, long Count, double Min, double Max)[] byComponent)
    {
        var failures = new InstrumentSummary("Registry", "registry.backing.failures", "{failure}", "Counter",
            byComponent.Sum(c => c.Count), byComponent.Sum(c => c.Count), byComponent.Min(c => c.Min), byComponent.Max(c => c.Max), null, null)
        {
            ByTag = [.. byComponent.Select(c => new InstrumentBreakdown(new Dictionary<string, string> { ["component"] = c.Component }, c.Count, c.Count, c.Min, c.Max, null, null, null))],
        };
        return agent with { Runs = [agent.Runs[0] with { WhiteBox = [failures] }] };
    }

    [Fact]
    public async Task Merge_ThroughAgentFolders_WritesTheUsualReportsAndEvaluatesSlaOnTheWhole()
    {
        var agents = await RunAgentsAsync(2);
        var root = Directory.CreateTempSubdirectory("perftest-merge-").FullName;
        try
        {
            foreach (var agent in agents)
            {
                var written = await AgentResultFiles.WriteAsync(agent, Path.Combine(root, $"agent-{agent.AgentIndex}"), TestContext.Current.CancellationToken);
                Assert.Contains(written, p => p.EndsWith("histogram.hlog", StringComparison.Ordinal));
                Assert.Contains(written, p => p.EndsWith("results.json", StringComparison.Ordinal));
            }

            var read = await AgentResultFiles.ReadAllAsync(root, TestContext.Current.CancellationToken);
            var merged = ResultMerger.Merge(read);
            var sla = merged.EvaluateSla(Sla.Define().ErrorRate(below: 0.10).LatencyPercentile(99, below: TimeSpan.FromSeconds(5)).Build());
            var report = merged.ToReport("checkout, 2 agents", sla);
            await ReportWriter.All.WriteAsync(report, Path.Combine(root, "merged"), TestContext.Current.CancellationToken);

            // 1 in 7 iterations fails (iterations 0, 7, ... of each client): above the 10% limit on the whole.
            Assert.False(Assert.Single(sla).Passed);
            Assert.Equal(["checkout", "checkout.agent-0", "checkout.agent-1"], report.Runs.Select(r => r.Name));
            Assert.Equal(400, report.Runs[0].Totals.Started);
            Assert.NotEmpty(report.Runs[0].Sla);
            Assert.True(File.Exists(Path.Combine(root, "merged", "report.html")));
            Assert.Equal(agents[0].Runs[0].Latency, read[0].Runs[0].Latency);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Merge_RefusesDifferentTests()
    {
        var a = await RunAgentsAsync(2, "test-a", clients: 2, iterations: 2);
        var b = await RunAgentsAsync(2, "test-b", clients: 2, iterations: 2);
        var e = Assert.Throws<ResultMergeException>(() => ResultMerger.Merge([a[0], b[1]]));
        Assert.Contains("different tests (test-a, test-b)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_RefusesDifferentHistogramShapes()
    {
        var agents = await RunAgentsAsync(2, clients: 2, iterations: 2);
        agents[1] = agents[1] with { Histogram = new HistogramConfiguration(1, 60_000_000, 2) };
        var e = Assert.Throws<ResultMergeException>(() => ResultMerger.Merge(agents));
        Assert.Contains("cannot be added without loss", e.Message, StringComparison.Ordinal);

        agents[0] = agents[0] with { Histogram = agents[1].Histogram };
        Assert.Contains("this version of the library records with", Assert.Throws<ResultMergeException>(() => ResultMerger.Merge(agents)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_RefusesOverlappingSegmentsAndTheSameAgentTwice()
    {
        var agents = await RunAgentsAsync(2, clients: 2, iterations: 2);
        Assert.Contains("overlap", Assert.Throws<ResultMergeException>(() => ResultMerger.Merge([agents[0], agents[0], agents[1]])).Message, StringComparison.Ordinal);
        var wide = agents[1] with { Segment = "1/4:1" };
        Assert.Contains("overlap", Assert.Throws<ResultMergeException>(() => ResultMerger.Merge([agents[0], wide])).Message, StringComparison.Ordinal);
        var unreadable = agents[1] with { Segment = "half" };
        Assert.Contains("unreadable", Assert.Throws<ResultMergeException>(() => ResultMerger.Merge([agents[0], unreadable])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_MissingSegment_IsRefusedOrReportedAsPartial()
    {
        var agents = await RunAgentsAsync(4, clients: 4, iterations: 2);
        var present = new[] { agents[0], agents[1], agents[3] };

        var e = Assert.Throws<ResultMergeException>(() => ResultMerger.Merge(present));
        Assert.Contains("No result for segment(s) 1/2:3/4", e.Message, StringComparison.Ordinal);

        var partial = ResultMerger.Merge(present, allowPartial: true);
        Assert.False(partial.IsComplete);
        Assert.Equal("1/2:3/4", Assert.Single(partial.MissingSegments).ToString());
        Assert.StartsWith("PARTIAL RUN", partial.ToReport().Notes[0], StringComparison.Ordinal);
        Assert.Equal(6, partial.Runs[0].Merged.Totals.Started);
    }

    [Fact]
    public async Task Merge_RefusesAgentsThatRanDifferentRuns()
    {
        var agents = await RunAgentsAsync(2, clients: 2, iterations: 2);
        agents[1] = agents[1] with { Runs = [agents[1].Runs[0] with { Name = "other" }] };
        Assert.Contains("did not run the same test", Assert.Throws<ResultMergeException>(() => ResultMerger.Merge(agents)).Message, StringComparison.Ordinal);
        Assert.Throws<ResultMergeException>(() => ResultMerger.Merge([]));
    }

    [Fact]
    public async Task Merge_AlignsSecondsOnWallClockAndReportsLateAgents()
    {
        var agents = await RunAgentsAsync(2, clients: 2, iterations: 2);
        var late = agents[1].Runs[0];
        late = late with
        {
            Environment = late.Environment with { StartedAt = agents[0].Runs[0].Environment.StartedAt.AddSeconds(2), EndedAt = agents[0].Runs[0].Environment.StartedAt.AddSeconds(3) },
            Series = [new SecondStats(0, 5, 0, 0, 1, 2, null)],
        };
        late = late with { StartLateness = TimeSpan.FromSeconds(2) };
        agents[1] = agents[1] with { Runs = [late] };
        // Agent 0 still running when agent 1 started late: the parts overlap, so the merge warns instead of refusing.
        var early = agents[0].Runs[0];
        agents[0] = agents[0] with { Runs = [early with { Environment = early.Environment with { EndedAt = early.Environment.StartedAt.AddSeconds(4) } }] };

        var merged = ResultMerger.Merge(agents);

        var series = merged.Runs[0].Merged.Series;
        Assert.Contains(series, s => s.Second == 2 && s.Requests >= 5);
        Assert.Equal(TimeSpan.FromSeconds(2), merged.Runs[0].Merged.StartLateness);
        Assert.Contains(merged.ToReport().Notes, n => n.Contains("Agent 1 started checkout 2.000 s after the shared start", StringComparison.Ordinal));
        Assert.Contains(merged.Findings, f => f.Check == "lateness" && f.Reason.StartsWith("agent 1 started run 'checkout' 2 s after the shared start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAll_RejectsWhatIsNotAnAgentResult()
    {
        var root = Directory.CreateTempSubdirectory("perftest-read-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, AgentResultFiles.AgentFileName), "{\"schema\":\"other\"}", TestContext.Current.CancellationToken);
            await Assert.ThrowsAsync<InvalidDataException>(() => AgentResultFiles.ReadAllAsync(root, TestContext.Current.CancellationToken));
            await File.WriteAllTextAsync(Path.Combine(root, AgentResultFiles.AgentFileName), "not json", TestContext.Current.CancellationToken);
            await Assert.ThrowsAsync<InvalidDataException>(() => AgentResultFiles.ReadAllAsync(root, TestContext.Current.CancellationToken));
            await Assert.ThrowsAsync<DirectoryNotFoundException>(() => AgentResultFiles.ReadAllAsync(Path.Combine(root, "none"), TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
