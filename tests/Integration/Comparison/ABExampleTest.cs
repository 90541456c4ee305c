using Microsoft.AspNetCore.Builder;
using PerfTesting.Comparison;
using PerfTesting.Load;
using PerfTesting.Xunit.Comparison;
using PerfTesting.Xunit.Load;

namespace Tests.Integration.Comparison;

/// <summary>
/// The README's A/B example, kept compiling and passing: one scenario written against a URL, run
/// against two loopback endpoints. B answers after 30 ms instead of 10 ms (about +150% latency, far
/// beyond any noise of a loaded machine), so the comparison must read Regressed and ABAssert must fail
/// the test with its table.
/// </summary>
public sealed class ABExampleTest
{
    [Fact]
    public async Task SlowerEndpoint_ComparedWithTheOriginal_FailsWithTheComparisonTable()
    {
        await using var original = await LoopbackServer.StartAsync(app => app.MapGet("/", async () => { await Task.Delay(10); return "hello"; }));
        await using var slower = await LoopbackServer.StartAsync(app => app.MapGet("/", async () => { await Task.Delay(30); return "hello"; }));
        using var http = new HttpClient();

        var comparison = await PerfRunner.CompareAsync(
            a: original.Url("/"),
            b: slower.Url("/"),
            LoadProfile.Closed(clients: 8, TimeSpan.FromSeconds(0.5)).WithWarmUp(TimeSpan.FromSeconds(0.1)),
            url => Scenario.Create("home", HttpStep.Get(http, url)),
            new ABOptions { Rounds = 10 }); // two more than the minimum: a round starved by a busy machine does not cost the verdict

        var failure = Assert.Throws<ABRegressionException>(() => ABAssert.NoRegression(comparison));
        Assert.Matches(@"metric\s+\|\s+A \(median\)\s+\|\s+B \(median\)\s+\|\s+per-round change", failure.Message);
        Assert.Contains("confidence interval", failure.Message, StringComparison.Ordinal);
        Assert.Matches(@"p50\s+\|[^\n]*Regressed", failure.Message);
    }
}
