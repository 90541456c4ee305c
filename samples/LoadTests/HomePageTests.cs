using Microsoft.AspNetCore.Builder;

<<<<<<<< HEAD:samples/LoadTests/HomePageTests.cs
namespace LoadTests;
========
namespace Tests.Integration.Load;
>>>>>>>> 43ea47f (tests/Unit is logic only: tests that start Kestrel, run loads on real time or open sockets move to tests/Integration (mirroring the source tree); the health probe's time limit is tested on FakeTimeProvider):tests/Integration/Load/ExampleTest.cs

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
