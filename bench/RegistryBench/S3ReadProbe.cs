using System.Buffers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using PerfTesting.BackingServices;

/// <summary>
/// In-process probe of the registry's S3 read path: one 64 MiB object on s3rver read several ways,
/// with the managed bytes allocated (GC.GetTotalAllocatedBytes, best of three after a warm-up) and the
/// CPU time of one read, per variant. The evidence behind S3ArchiveStore's open-range GET.
/// Measured here on 2026-11-30 (2 shared cores; CPU of a single read, so noisy), bytes allocated per byte read:
///   raw HttpClient GET of a presigned URL, 80 KiB copy ......... 0.0001-0.002  (35-48 ms CPU)
///   SDK GetObject as the registry configured it, 80 KiB copy ... 1.378         (169-216 ms CPU)
///   the same with a 1 MiB copy buffer .......................... 1.376
///   the same with ResponseChecksumValidation WHEN_SUPPORTED ...... 1.378
///   the same with ResponseStream.CopyToAsync ................... 1.377
///   SDK GetObject with ByteRange 0..size-1 ..................... 0.0022-0.0025 (47-63 ms CPU)
///   SDK GetObject with the open range "bytes=0-" ............... 0.0013        (27 ms CPU)
///   SDK GetObject, MD5Stream unwrapped (GetNonWrapperBaseStream) 0.002-0.0026
///   the same plus a native IncrementalHash MD5 of the body ..... 0.0008        (115 ms CPU)
/// The response stream of a whole-object GET is Amazon.Runtime.Internal.Util.MD5Stream (the SDK's
/// managed MD5 of the ETag); a ranged GET returns the bare HttpConnection+ContentLengthReadStream.
/// Checksum settings and buffer sizes change nothing: the managed MD5 is the cost. S3ArchiveStore used the
/// open range first; it now reads with a plain GET of a presigned URL (no MD5Stream either), because
/// the SDK call itself cost about 59 KiB per download (RegistryBench cost).
/// </summary>
internal static class S3ReadProbe
{
    public static async Task RunAsync()
    {
        var services = await BackingServicesLauncher.StartAsync(BackingServiceKind.LocalProcesses);
        await using var _ = services;
        var endpoints = services.Endpoints;
        const int size = 64 * 1024 * 1024;
        var payload = new byte[size];
        new Random(1).NextBytes(payload);

        async Task<long> Measure(string name, Func<Task<long>> download)
        {
            await download(); // warm-up
            long best = long.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var sent = await download();
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                if (sent != size) throw new InvalidOperationException($"{name}: {sent} bytes");
                best = Math.Min(best, allocated);
            }
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            await download();
            var cpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            Console.WriteLine($"{name}: allocated={best} bytes_per_byte={(double)best / size:0.#####} cpu_ms_per_64MiB={cpuMs:0}");
            return best;
        }

        AmazonS3Client Client(Action<AmazonS3Config>? configure = null) => AwsClientFactory.CreateS3Client(endpoints.S3, configure);
        using var s3 = Client();
        await s3.PutBucketAsync("probe");
        var put = AwsClientFactory.NewPutObjectRequest("probe", "a.zip");
        put.InputStream = new MemoryStream(payload);
        await s3.PutObjectAsync(put);

        async Task<long> Copy(Stream source, int bufferBytes)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(bufferBytes);
            long sent = 0; int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, bufferBytes))) > 0) sent += read;
            ArrayPool<byte>.Shared.Return(buffer);
            return sent;
        }

        async Task<long> SdkGet(IAmazonS3 client, int buffer)
        {
            using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = "probe", Key = "a.zip" });
            Console.Error.WriteLine(Describe(response.ResponseStream));
            return await Copy(response.ResponseStream, buffer);
        }

        static string Describe(Stream s)
        {
            var chain = s.GetType().FullName!;
            var t = s;
            for (var depth = 0; depth < 8; depth++)
            {
                var inner = t.GetType().GetProperty("BaseStream")?.GetValue(t) as Stream;
                if (inner is null) break;
                chain += " -> " + inner.GetType().FullName; t = inner;
            }
            return chain;
        }

        var presigned = new Uri(await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = "probe", Key = "a.zip", Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddHours(1), Protocol = Protocol.HTTP }));
        using var http = new HttpClient();
        await Measure("raw HttpClient GET (presigned), 80 KiB copy", async () =>
        {
            using var response = await http.GetAsync(presigned, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            return await Copy(body, 81_920);
        });
        await Measure("SDK GetObject (registry's config), 80 KiB copy", () => SdkGet(s3, 81_920));
        await Measure("SDK GetObject (registry's config), 1 MiB copy", () => SdkGet(s3, 1 << 20));
        using var validating = Client(c => c.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_SUPPORTED);
        await Measure("SDK GetObject, response checksum WHEN_SUPPORTED, 80 KiB copy", () => SdkGet(validating, 81_920));
        await Measure("SDK GetObject with ByteRange 0..size-1 (no MD5Stream), 80 KiB copy", async () =>
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "probe", Key = "a.zip", ByteRange = new ByteRange(0, size - 1) });
            Console.Error.WriteLine(response.ResponseStream.GetType().FullName);
            return await Copy(response.ResponseStream, 81_920);
        });
        await Measure("SDK GetObject with open ByteRange bytes=0- (no MD5Stream), 80 KiB copy", async () =>
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "probe", Key = "a.zip", ByteRange = new ByteRange("bytes=0-") });
            Console.Error.WriteLine(response.ResponseStream.GetType().FullName + " " + response.HttpStatusCode + " " + response.ContentRange);
            return await Copy(response.ResponseStream, 81_920);
        });
        await Measure("SDK GetObject full, bypass MD5Stream via GetNonWrapperBaseStream, 80 KiB copy", async () =>
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "probe", Key = "a.zip" });
            var inner = ((Amazon.Runtime.Internal.Util.WrapperStream)response.ResponseStream).GetNonWrapperBaseStream();
            Console.Error.WriteLine(inner.GetType().FullName);
            return await Copy(inner, 81_920);
        });
        await Measure("SDK GetObject full, bypass + IncrementalHash MD5 check, 80 KiB copy", async () =>
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "probe", Key = "a.zip" });
            var inner = ((Amazon.Runtime.Internal.Util.WrapperStream)response.ResponseStream).GetNonWrapperBaseStream();
            using var md5 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.MD5);
            var buffer = ArrayPool<byte>.Shared.Rent(81_920);
            long sent = 0; int read;
            while ((read = await inner.ReadAsync(buffer.AsMemory(0, 81_920))) > 0) { md5.AppendData(buffer, 0, read); sent += read; }
            ArrayPool<byte>.Shared.Return(buffer);
            Span<byte> hash = stackalloc byte[16]; md5.GetHashAndReset(hash);
            return sent;
        });
        await Measure("SDK GetObject, ResponseStream.CopyToAsync", async () =>
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "probe", Key = "a.zip" });
            var counting = new MemoryStream(); // not used for bytes; count via length
            long total = 0;
            await response.ResponseStream.CopyToAsync(new CountingNull(n => total += n));
            return total;
        });
    }
}

internal sealed class CountingNull(Action<int> onWrite) : Stream
{
    public override bool CanRead => false; public override bool CanSeek => false; public override bool CanWrite => true;
    public override long Length => 0; public override long Position { get => 0; set { } }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => 0;
    public override long Seek(long offset, SeekOrigin origin) => 0;
    public override void SetLength(long value) { }
    public override void Write(byte[] buffer, int offset, int count) => onWrite(count);
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) { onWrite(buffer.Length); return ValueTask.CompletedTask; }
}
