using System.Globalization;
using PerfTesting.Load;

namespace Tests.Perf.Track.WholeApi;

/// <summary>
/// The mixed-user workload: closed-model users without think time, each request one of four
/// scenarios drawn by weight. Browsing pages through GET /models (each user follows its own cursor),
/// metadata reads a random one of the seeded models, download fetches one of the small archives the
/// set-up stored, and upload (admin) stores a new small archive now and then.
/// </summary>
internal static class MixedUsers
{
    public const double BrowseWeight = 35;
    public const double MetadataWeight = 45;
    public const double DownloadWeight = 18;
    public const double UploadWeight = 2;

    public const int PageSize = 20;
    public const long UploadBytes = 256 * 1024;

    public static string Describe(int seededModels, int archives, long archiveBytes) => string.Create(CultureInfo.InvariantCulture,
        $"weights: browse the list {BrowseWeight:0}% (GET /models?limit={PageSize}, following next_cursor), metadata {MetadataWeight:0}% (GET one of {seededModels} seeded models at random), "
        + $"download {DownloadWeight:0}% (one of {archives} archives of {SizeBucket.Describe(archiveBytes)}), upload {UploadWeight:0}% (a new {SizeBucket.Describe(UploadBytes)} archive, admin token)");

    public static IReadOnlyList<Scenario> Scenarios(RegistryRequests requests, Uri registry, IReadOnlyList<string> seededModelPaths, IReadOnlyList<string> archivePaths, string token) =>
    [
        Scenario.Create("browse", requests.BrowseList(registry, PageSize)).WithWeight(BrowseWeight),
        Scenario.Create("metadata", requests.Get(registry, _ => seededModelPaths[Random.Shared.Next(seededModelPaths.Count)])).WithWeight(MetadataWeight),
        Scenario.Create("download", requests.Get(registry, _ => archivePaths[Random.Shared.Next(archivePaths.Count)])).WithWeight(DownloadWeight),
        Scenario.Create("upload", requests.Upload(registry, "wholeapi", "mixed-" + token, UploadBytes)).WithWeight(UploadWeight),
    ];
}
