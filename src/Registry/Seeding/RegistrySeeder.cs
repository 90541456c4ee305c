using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Registry.Seeding;

/// <summary>
/// Fills a running registry over its own API: <see cref="TinyLlmId"/> with a synthetic archive and
/// numbered metadata-only models up to the requested count. Idempotent: the same bytes and metadata
/// are accepted again (200), so running it twice leaves exactly the same models.
/// </summary>
internal sealed class RegistrySeeder(HttpClient http, TextWriter log)
{
    /// <summary>The model the workload downloads.</summary>
    public const string TinyLlmId = "arnir0/Tiny-LLM";

    /// <summary>Its version.</summary>
    public const string TinyLlmVersion = "1.0.0";

    /// <summary>Default archive size, as in the performance track's brief.</summary>
    public const long DefaultArchiveBytes = 40L * 1024 * 1024;

    public async Task<SeedSummary> SeedAsync(int models, long archiveBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(models, 1);
        var archive = await SyntheticArchive.WriteAsync(archiveBytes, cancellationToken);
        try
        {
            await using var file = File.OpenRead(archive);
            using var content = new StreamContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            using var request = new HttpRequestMessage(HttpMethod.Put, $"models/{TinyLlmId}/{TinyLlmVersion}") { Content = content };
            request.Headers.Add("X-Model-Metadata", """{"description":"Synthetic stand-in for arnir0/Tiny-LLM","task":"text-generation"}""");
            using var response = await http.SendAsync(request, cancellationToken);
            await EnsureAsync(response, TinyLlmId, cancellationToken);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{TinyLlmId}@{TinyLlmVersion}: {new FileInfo(archive).Length} bytes ({(int)response.StatusCode})"));
        }
        finally
        {
            File.Delete(archive);
        }

        var created = 0;
        await Parallel.ForEachAsync(Enumerable.Range(1, models - 1), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"acme/model-{i:D4}");
            using var body = new StringContent(
                string.Create(CultureInfo.InvariantCulture, $$"""{"description":"Synthetic catalog entry {{i}}","task":"text-classification"}"""),
                Encoding.UTF8, "application/json");
            using var response = await http.PutAsync($"models/{id}/1.0.0", body, ct);
            await EnsureAsync(response, id, ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref created);
            }
        });
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{models - 1} metadata-only models ({created} new)"));
        return new SeedSummary(models, archiveBytes, created);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string id, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw new HttpRequestException(
                $"Seeding {id} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", null, response.StatusCode);
        }
    }
}

/// <summary>What a seed did.</summary>
internal sealed record SeedSummary(int Models, long ArchiveBytes, int MetadataModelsCreated);
