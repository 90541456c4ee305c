using Microsoft.AspNetCore.Builder;

namespace LoadTests;

public class HomePageTests
{
    [Fact]
    public async Task HomePage_HundredClients_MeetsItsSla()
    {
        await using var server = await LoopbackHost.StartAsync(app => app.MapGet("/", () => "hello"));
        using var http = new HttpClient();

        var result = await PerfRunner.RunAsync(
            LoadProfile.Closed(clients: 100, TimeSpan.FromSeconds(2)).WithWarmUp(TimeSpan.FromSeconds(0.5)),
            Scenario.Create("home", HttpStep.Get(http, server.Url("/"))));

        SlaAssert.Meets(result, sla => sla.LatencyPercentile(99, below: TimeSpan.FromSeconds(2)).ErrorRate(below: 0.01));
    }
}
