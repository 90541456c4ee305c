using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using PerfTesting.Environment;
using PerfTesting.Xunit.Fixtures;

namespace Tests.Integration.Registry;

/// <summary>
/// A 1 GiB archive goes up and comes back down through the registry process (deployed defaults, server
/// GC) without raising its peak resident memory by more than a few MiB: uploads are spooled to a
/// temporary file and stored from it, downloads are copied from storage to the socket through one
/// pooled buffer. Buffering either way would cost 1,024 MiB. Measured here: S3 0.0 MiB; PostgreSQL
/// 11.8-12.7 MiB, which is the server GC's gen0 budget being walked through by the small per-chunk garbage
/// of the reads before a collection (with DOTNET_GCgen0size=4 MiB it was 5.9 MiB), not retained bytes.
/// </summary>
public sealed class StreamingMemoryTests(BackingServicesFixture fixture)
{
    private const long OneGiB = 1L << 30;
    private const long AllowedGrowthBytes = 32L << 20;

    public static TheoryData<string> Backends => ["S3", "Postgres"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task OneGiBArchive_UpAndDown_ByteExact_WithoutRaisingPeakMemoryBeyondAFewMiB(string backend)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads the registry's peak resident set from /proc");
        var ct = TestContext.Current.CancellationToken;
        var services = await fixture.GetAsync(BackingServiceKind.LocalProcesses, ct);
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

    // Uploads a generated archive (never held in memory here either) and downloads it, hashing both ways.
    private static async Task<(string Sent, string Received)> RoundTripAsync(HttpClient admin, string model, long length, CancellationToken ct)
    {
        var archive = new GeneratedArchive(length);
        using var content = new StreamContent(archive, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Headers.ContentLength = length;
        using (var put = await admin.PutAsync($"models/{model}", content, ct))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using var download = await admin.GetAsync($"models/{model}/model.zip", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var body = await download.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return (archive.Sha256, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A deterministic pseudo-random zip-signed body of any length, hashed as it is read.</summary>
    private sealed class GeneratedArchive(long length) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly Random _random = new(1);
        private long _position;

        public string Sha256 { get; private set; } = "";

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            if (n == 0)
            {
                Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
                return 0;
            }

            var chunk = buffer[..n];
            _random.NextBytes(chunk);
            ReadOnlySpan<byte> signature = [0x50, 0x4B, 0x03, 0x04];
            for (var i = 0; i < chunk.Length && _position + i < signature.Length; i++)
            {
                chunk[i] = signature[(int)_position + i];
            }

            _hash.AppendData(chunk);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
