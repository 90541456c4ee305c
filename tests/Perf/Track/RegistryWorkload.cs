using System.Net.Http.Headers;
using PerfTesting.Load;
using Registry.Seeding;
using Tests.Shared;

namespace Tests.Perf.Track;

/// <summary>
/// The track's workload: clients downloading arnir0/Tiny-LLM from one registry, each request reading
/// the whole archive. Redirects are followed, so the presigned-URL variant measures the full download
/// from S3; the reader token is dropped on the redirect (HttpClient does), as a browser would.
/// </summary>
internal sealed class RegistryWorkload : IDisposable
{
    private readonly HttpClient _http;

    public RegistryWorkload(RegistryApp registry)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AllowAutoRedirect = true,
        })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegistryApp.ReaderToken);
        Url = new Uri(registry.BaseAddress, $"models/{RegistrySeeder.TinyLlmId}/{RegistrySeeder.TinyLlmVersion}/model.zip");
        Download = Scenario.Create("download", HttpStep.Get(_http, Url));
    }

    public Uri Url { get; }

    public Scenario Download { get; }

    public void Dispose() => _http.Dispose();
}
