using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PerfTesting.Load;
using Tests.Shared;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// The registry's requests as scenario steps, over one pooled client that does not follow redirects
/// (the presigned answer is measured as the 302 the client gets). Reads carry the reader token, writes
/// the admin token, per request.
/// </summary>
internal sealed class RegistryRequests : IDisposable
{
    private const string CursorItem = "wholeapi.cursor";
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AllowAutoRedirect = false,
    })
    {
        Timeout = TimeSpan.FromMinutes(3),
    };

    public HttpClient Http => _http;

    /// <summary>GET <paramref name="path"/> with the given token (null: no Authorization header).</summary>
    public ScenarioStep Get(Uri registry, string path, string? token = RegistryApp.ReaderToken) =>
        HttpStep.Send(_http, _ => Request(HttpMethod.Get, new Uri(registry, path), token));

    /// <summary>GET a path chosen per iteration (a random seeded model, say).</summary>
    public ScenarioStep Get(Uri registry, Func<ScenarioContext, string> path) =>
        HttpStep.Send(_http, context => Request(HttpMethod.Get, new Uri(registry, path(context)), RegistryApp.ReaderToken));

    /// <summary>GET the first <paramref name="rangeBytes"/> bytes of an archive (206).</summary>
    public ScenarioStep GetRange(Uri registry, string path, long rangeBytes) => HttpStep.Send(_http, _ =>
    {
        var request = Request(HttpMethod.Get, new Uri(registry, path), RegistryApp.ReaderToken);
        request.Headers.Range = new RangeHeaderValue(0, rangeBytes - 1);
        return request;
    });

    /// <summary>
    /// Pages through GET /models: each client follows next_cursor from its previous page and starts
    /// again at the first page after the last, as someone browsing the catalog would.
    /// </summary>
    public ScenarioStep BrowseList(Uri registry, int pageSize) => async (context, ct) =>
    {
        var cursor = context.Items.TryGetValue(CursorItem, out var saved) ? (string)saved : null;
        var path = string.Create(CultureInfo.InvariantCulture, $"models?limit={pageSize}") + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
        using var request = Request(HttpMethod.Get, new Uri(registry, path), RegistryApp.ReaderToken);
        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            return StepOutcome.Fail("status " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), (int)response.StatusCode, body.Length);
        }

        using var page = JsonDocument.Parse(body);
        var next = page.RootElement.TryGetProperty("next_cursor", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (next is null)
        {
            context.Items.Remove(CursorItem);
        }
        else
        {
            context.Items[CursorItem] = next;
        }

        return StepOutcome.Ok(body.Length, (int)response.StatusCode);
    };

    /// <summary>
    /// PUT a new archive of <paramref name="bytes"/> bytes: a new version per request (a counter kept by
    /// the step, whichever run uses it), so every upload stores a new archive and answers 201.
    /// </summary>
    public ScenarioStep Upload(Uri registry, string owner, string name, long bytes)
    {
        long uploads = 0;
        return HttpStep.Send(_http, _ =>
        {
            var version = string.Create(CultureInfo.InvariantCulture, $"1.0.{Interlocked.Increment(ref uploads)}");
            var request = Request(HttpMethod.Put, new Uri(registry, $"models/{owner}/{name}/{version}"), RegistryApp.AdminToken);
            request.Content = new GeneratedArchive(bytes, (ulong)HashCode.Combine(owner, name, version));
            return request;
        });
    }

    /// <summary>POST a JSON body as admin.</summary>
    public ScenarioStep PostJson(Uri registry, string path, string json) => HttpStep.Send(_http, _ =>
    {
        var request = Request(HttpMethod.Post, new Uri(registry, path), RegistryApp.AdminToken);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return request;
    });

    /// <summary>DELETE as admin.</summary>
    public ScenarioStep Delete(Uri registry, string path) =>
        HttpStep.Send(_http, _ => Request(HttpMethod.Delete, new Uri(registry, path), RegistryApp.AdminToken));

    /// <summary>Uploads one archive and fails loudly when the registry refuses it (set-up, not measured).</summary>
    public async Task PutArchiveAsync(Uri registry, string id, long bytes, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Put, new Uri(registry, $"models/{id}"), RegistryApp.AdminToken);
        request.Content = new GeneratedArchive(bytes, (ulong)HashCode.Combine(id, bytes));
        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"PUT {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Request(HttpMethod method, Uri url, string? token)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
