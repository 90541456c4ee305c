using GateService;

namespace PerfTests;

public class WorkTests
{
    [Fact]
    public async Task Work_FourClients_HasNoErrors()
    {
        using var http = new HttpClient();

        // `dotnet test`: the service in process, one run. `perftest compare`: the base and the head, in rounds.
        var result = await PerfTarget.RunAsync(
            () => LoopbackHost.StartAsync(app => app.MapWorkApi()),
            LoadProfile.Closed(clients: 4, TimeSpan.FromSeconds(1)).WithWarmUp(TimeSpan.FromSeconds(0.3)),
            target => Scenario.Create("work", HttpStep.Get(http, new Uri(target, "work"))));

        Assert.Equal(0, result.Failed);
    }
}
