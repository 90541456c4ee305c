using System.Net;
using PerfTesting.Load;

namespace Tests.Unit.Load;

/// <summary>What each HttpStep helper sends, checked on an in-memory handler (no sockets).</summary>
public sealed class HttpStepTests : IDisposable
{
    private readonly RecordingHandler _handler = new();
    private readonly HttpClient _client;

    public HttpStepTests() => _client = new HttpClient(_handler) { BaseAddress = new Uri("http://127.0.0.1:5000/api/") };

    public void Dispose() => _client.Dispose();

    public static TheoryData<string, Func<HttpClient, ScenarioStep>, string, string?> Steps => new()
    {
        { "GET", c => HttpStep.Get(c, "items?q=a"), "http://127.0.0.1:5000/api/items?q=a", null },
        { "POST", c => HttpStep.Post(c, "items", "{\"name\":\"a\"}"), "http://127.0.0.1:5000/api/items", "application/json:{\"name\":\"a\"}" },
        { "PUT", c => HttpStep.Put(c, "http://127.0.0.1:5000/other/1", "x=1", "application/x-www-form-urlencoded"), "http://127.0.0.1:5000/other/1", "application/x-www-form-urlencoded:x=1" },
        { "POST", c => HttpStep.Post(c, "items", ctx => new StringContent($"client {ctx.ClientId}")), "http://127.0.0.1:5000/api/items", "text/plain:client 3" },
        { "DELETE", c => HttpStep.Delete(c, "items/1"), "http://127.0.0.1:5000/api/items/1", null },
        { "DELETE", c => HttpStep.Delete(c, new Uri("http://127.0.0.1:5000/api/items"), _ => new StringContent("[1,2]")), "http://127.0.0.1:5000/api/items", "text/plain:[1,2]" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Step_SendsTheMethodUrlAndBody(string method, Func<HttpClient, ScenarioStep> build, string url, string? body)
    {
        var step = build(_client);

        var outcome = await step(new ScenarioContext(3), TestContext.Current.CancellationToken);
        await step(new ScenarioContext(3), TestContext.Current.CancellationToken);

        Assert.True(outcome.Success);
        Assert.Equal(2, _handler.Requests.Count);
        Assert.All(_handler.Requests, r => Assert.Equal((method, url, body), r));
    }

    [Fact]
    public void Get_RelativeUrlWithoutBaseAddress_IsRejectedWhenTheStepIsBuilt()
    {
        using var client = new HttpClient(_handler);

        var error = Assert.Throws<ArgumentException>(() => HttpStep.Get(client, "/items"));

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<(string Method, string Url, string? Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : $"{request.Content.Headers.ContentType?.MediaType}:{await request.Content.ReadAsStringAsync(cancellationToken)}";
            lock (Requests)
            {
                Requests.Add((request.Method.Method, request.RequestUri!.ToString(), body));
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") };
        }
    }
}
