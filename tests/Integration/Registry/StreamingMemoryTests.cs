using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using PerfTesting.BackingServices;
using PerfTesting.BackingServices.Fixtures;
using Registry.Seeding;
using Tests.Shared;

namespace Tests.Integration.Registry;

/// <summary>
/// A 1 GiB archive goes up and comes back down through the registry process (deployed defaults, server
/// GC) without raising its peak resident memory by more than a few MiB: uploads are spooled to a
/// temporary file and stored from it, downloads are read from storage straight into the response's
/// pooled blocks. Buffering either way would cost 1,024 MiB. Measured here: S3 0.0 MiB; PostgreSQL
/// 10.4-12.7 MiB, which is the server GC's gen0 budget being walked through by the small per-chunk garbage
/// of the reads before a collection (with DOTNET_GCgen0size=4 MiB it was 5.9 MiB), not retained bytes.
/// On a machine loaded far beyond its two cores the same garbage reached 37-54 MiB (load average 60): how
/// much of it is touched before a collection depends on scheduling, so the bound is a fraction of the
/// archive (what buffering would cost), not a figure of the quiet machine.
/// </summary>
public sealed class StreamingMemoryTests(BackingServicesFixture fixture)
{
    private const long OneGiB = 1L << 30;
    // An eighth of the archive: buffering either way costs the whole archive, eight times this.
    private const long AllowedGrowthBytes = OneGiB / 8;

    public static TheoryData<string> Backends => ["S3", "Postgres"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task OneGiBArchive_UpAndDown_ByteExact_WithoutRaisingPeakMemoryBeyondAFewMiB(string backend)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads the registry's peak resident set from /proc");
        var ct = TestContext.Current.CancellationToken;
        var services = await fixture.GetDefaultAsync(ct);
        await using var registry = await RegistryProcess.StartAsync(
            services.Endpoints, IsolatedNames.For(nameof(StreamingMemoryTests) + backend), backend, ct);
        using var admin = registry.Admin();

        // Warm up every path first (JIT, pools, connections), so the peak after it is the steady state.
        await RoundTripAsync(admin, "acme/warm-up/1.0.0", 256L << 20, ct);
        var before = registry.PeakResidentBytes;
        var (sent, received) = await RoundTripAsync(admin, "acme/huge/1.0.0", OneGiB, ct);
        var growth = registry.PeakResidentBytes - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"{backend}: peak resident {before / 1048576.0:0.0} MiB before, grew {growth / 1048576.0:0.0} MiB");

        Assert.Equal(sent, received);
        Assert.True(growth <= AllowedGrowthBytes,
            $"peak resident memory grew by {growth / 1048576.0:0.0} MiB over a 1 GiB upload and download (allowed {AllowedGrowthBytes >> 20} MiB)");
    }

    // Uploads the seeder's synthetic archive from a temporary file (never held in memory here either) and
    // downloads it, hashing both sides.
    private static async Task<(string Sent, string Received)> RoundTripAsync(HttpClient admin, string model, long length, CancellationToken ct)
    {
        var path = await SyntheticArchive.WriteAsync(length, ct);
        try
        {
            string sent;
            await using (var file = File.OpenRead(path))
            {
                sent = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
                file.Position = 0;
                using var content = new StreamContent(file, 1 << 16);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
                using var put = await admin.PutAsync($"models/{model}", content, ct);
                Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            }

            using var download = await admin.GetAsync($"models/{model}/model.zip", HttpCompletionOption.ResponseHeadersRead, ct);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            await using var body = await download.Content.ReadAsStreamAsync(ct);
            return (sent, Convert.ToHexStringLower(await SHA256.HashDataAsync(body, ct)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
