using System.Collections.Concurrent;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<ConcurrentDictionary<int, string>>();
var app = builder.Build();

// The delay before each answer comes from configuration, so a test can set it (Orders:DelayMs).
var delay = TimeSpan.FromMilliseconds(app.Configuration.GetValue("Orders:DelayMs", 0));

app.MapPost("/orders/{id:int}", async (int id, ConcurrentDictionary<int, string> orders) =>
{
    await Task.Delay(delay);
    orders[id] = $"order {id}";
    return Results.Created($"/orders/{id}", new { id });
});
app.MapGet("/orders/{id:int}", (int id, ConcurrentDictionary<int, string> orders) =>
    orders.TryGetValue(id, out var order) ? Results.Ok(new { id, order }) : Results.NotFound());

app.Run();
