using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LoadTests;

public class ShopTests
{
    [Fact]
    public async Task BrowseAndCheckout_EachWithItsOwnLoad_MeetTheirSlas()
    {
        await using var server = await LoopbackHost.StartAsync(app =>
        {
            app.MapGet("/products/{id}", (int id) => new { id, name = $"product {id}" });
            app.MapPost("/cart", () => Results.Ok());
            app.MapPost("/orders", () => Results.Created("/orders/1", null));
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var productIds = DataFeed.FromSequence(Enumerable.Range(1, 100), FeedOrder.Random, seed: 42);

        // Browsing: 10 closed-model clients. Checkout: 20 arrivals a second (open model), two measured steps.
        var browse = Scenario.Create("browse", (ctx, ct) => HttpStep.Get(http, $"/products/{productIds.Next(ctx)}")(ctx, ct))
            .WithLoad(LoadProfile.Closed(clients: 10, TimeSpan.FromSeconds(3)).WithWarmUp(TimeSpan.FromSeconds(1)));
        var checkout = Scenario.Sequence("checkout",
                ("add to cart", HttpStep.Post(http, "/cart", """{"product": 7}""")),
                ("place order", HttpStep.Post(http, "/orders", """{"cart": "mine"}""")))
            .WithLoad(LoadProfile.OpenConstant(20, TimeSpan.FromSeconds(3), maxInFlight: 50).WithWarmUp(TimeSpan.FromSeconds(1)));

        var result = await PerfRunner.RunAsync([browse, checkout]);

        Assert.Equal(["add to cart", "place order"], result.Scenario("checkout").Steps.Select(s => s.Name));
        await PerfAssert.PassesAsync(result, sla => sla
            .ForScenario("browse", s => s.ErrorRate(below: 0.01))
            .ForScenario("checkout", s => s.ErrorRate(below: 0.01).LatencyPercentile(50, below: TimeSpan.FromSeconds(1))));
    }
}
