namespace OrdersApi.LoadTests;

public class OrdersApiTests
{
    [Fact]
    public async Task PlaceAndReadOrders_TwentyClients_MeetTheirSla()
    {
        // The app's own Program on Kestrel at 127.0.0.1 (real sockets), with a setting of this test's.
        await using var app = new KestrelAppFactory<Program>(new Dictionary<string, string?> { ["Orders:DelayMs"] = "5" });
        using var http = app.CreateLoopbackClient();
        var ids = DataFeed.FromSequence(Enumerable.Range(1, 1_000));

        // One call of each endpoint first: its first call compiles it, which 20 clients at once would all wait for.
        var ct = TestContext.Current.CancellationToken;
        (await http.PostAsync("/orders/0", null, ct)).EnsureSuccessStatusCode();
        (await http.GetAsync("/orders/0", ct)).EnsureSuccessStatusCode();

        var placeAndRead = Scenario.Create("place and read", async (ctx, ct) =>
        {
            var id = ids.Next(ctx);
            using var placed = await http.PostAsync($"/orders/{id}", null, ct);
            using var read = placed.IsSuccessStatusCode ? await http.GetAsync($"/orders/{id}", ct) : placed;
            return read.IsSuccessStatusCode ? StepOutcome.Ok() : StepOutcome.Fail($"status {(int)read.StatusCode}", (int)read.StatusCode);
        });
        var result = await PerfRunner.RunAsync(
            LoadProfile.Closed(clients: 20, TimeSpan.FromSeconds(3)).WithWarmUp(TimeSpan.FromSeconds(2)),
            placeAndRead);

        await PerfAssert.PassesAsync(result, sla => sla
            .ErrorRate(below: 0.01)
            .LatencyPercentile(50, below: TimeSpan.FromSeconds(1)));
    }
}
