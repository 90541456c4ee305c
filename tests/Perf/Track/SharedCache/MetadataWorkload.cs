using System.Net.Http.Headers;
using PerfTesting.Load;
using Registry.Seeding;
using Tests.Shared;

namespace Tests.Perf.Track.SharedCache;

/// <summary>
/// The metadata-heavy endpoints, with clients spread over every given instance (request i goes to
/// instance i mod n, as a round-robin load balancer would send it): a list page, a model's metadata,
/// and the download's lookup (a one-byte range of the archive, so the catalog lookup, not the bytes,
/// is what is timed). One scenario per endpoint, so each has its own latency.
/// </summary>
internal sealed class MetadataWorkload : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri[] _instances;
    private long _next;

    public MetadataWorkload(IReadOnlyList<RegistryApp> instances)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromMinutes(1),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegistryApp.ReaderToken);
        _instances = [.. instances.Select(i => i.BaseAddress)];
        var model = $"models/{RegistrySeeder.TinyLlmId}/{RegistrySeeder.TinyLlmVersion}";
        Scenarios =
        [
            Scenario.Create("list", HttpStep.Send(_http, _ => new HttpRequestMessage(HttpMethod.Get, Next("models?limit=50")))),
            Scenario.Create("metadata", HttpStep.Send(_http, _ => new HttpRequestMessage(HttpMethod.Get, Next(model)))),
            Scenario.Create("download-lookup", HttpStep.Send(_http, _ =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, Next(model + "/model.zip"));
                request.Headers.Range = new RangeHeaderValue(0, 0);
                return request;
            })),
        ];
    }

    public IReadOnlyList<Scenario> Scenarios { get; }

    public void Dispose() => _http.Dispose();

    private Uri Next(string path) => new(_instances[(int)(Interlocked.Increment(ref _next) % _instances.Length)], path);
}
