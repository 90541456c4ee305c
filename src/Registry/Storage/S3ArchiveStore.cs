using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Registry.Hosting;
using Registry.Options;

namespace Registry.Storage;

/// <summary>Archives as objects in one S3 bucket.</summary>
internal sealed class S3ArchiveStore(BackingServiceClients clients, IOptions<RegistryOptions> options, IOptions<ResilienceOptions> resilience, TimeProvider time) : IArchiveStore
{
    private readonly S3ReadUrls _readUrls = new(time);
    private Func<string, TimeSpan, Task<Uri>>? _presign;

    private IAmazonS3 S3 => clients.S3;

    private string Bucket => options.Value.Bucket;

    public string Name => "s3";

    public async Task PutAsync(string key, Stream content, long length, CancellationToken cancellationToken)
    {
        // Emulator-safe request (no aws-chunked framing); the seekable stream gives the length.
        var request = RegistryAwsClients.NewPutObjectRequest(Bucket, key);
        request.InputStream = content;
        request.AutoCloseStream = false;
        request.ContentType = "application/zip";
        await S3.PutObjectAsync(request, cancellationToken);
    }

    public async Task<Stream> OpenReadAsync(string key, ByteRange? range, CancellationToken cancellationToken)
    {
        // A plain GET of a presigned URL (S3ReadUrls says why not GetObject). Without a range the whole
        // object comes back as it is: no MD5Stream, which the SDK wraps around a whole-object GetObject
        // (it allocated 1.38 bytes per byte read, bench/RegistryBench probe). End-to-end integrity is
        // the archive's sha256, which the catalog records and the download's ETag carries.
        var url = await _readUrls.GetAsync(key, _presign ??= PresignUrlAsync);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (range is { } r)
        {
            request.Headers.Range = new RangeHeaderValue(r.From, r.To);
        }

        var response = await clients.S3Reads.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The SDK's exception, so that callers classify it as they classify every S3 answer (404: the
            // archive is gone; 5xx: the service is failing).
            var status = response.StatusCode;
            response.Dispose();
            throw new AmazonS3Exception($"GET of {key} answered {(int)status}.", ErrorType.Unknown, status.ToString(), "", status);
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        // s3rver answers "bytes=0-0" with the whole object (it reads an end of 0 as "no end"); it does
        // honour the start. Reading no more than the range keeps the response's Content-Length true.
        return new OwningStream(body, response, range is { } asked ? asked.Length : long.MaxValue);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await S3.DeleteObjectAsync(Bucket, key, cancellationToken);

    public async Task<Uri?> PresignAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken) =>
        await PresignUrlAsync(key, lifetime);

    // Signing is local: no request, nothing to cancel.
    private async Task<Uri> PresignUrlAsync(string key, TimeSpan lifetime)
    {
        var url = await S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = time.GetUtcNow().UtcDateTime.Add(lifetime),
            Protocol = S3.Config.ServiceURL?.StartsWith("http://", StringComparison.Ordinal) == true ? Protocol.HTTP : Protocol.HTTPS,
        });
        return new Uri(url);
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await S3.PutBucketAsync(Bucket, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        // Every object the registry wrote is in its bucket: delete them page by page; the bucket stays.
        // ListObjects (v1) with a marker, not ListObjectsV2: s3rver answers a truncated V2 listing
        // (more than max-keys objects) with a 500 because its continuation tokens need DES, which
        // Node 20's OpenSSL 3 no longer has. Real S3 and LocalStack serve both.
        using (var call = OneCall(cancellationToken))
        {
            await EnsureCreatedAsync(call.Token);
        }

        string? marker = null;
        while (true)
        {
            ListObjectsResponse page;
            using (var call = OneCall(cancellationToken))
            {
                page = await S3.ListObjectsAsync(new ListObjectsRequest { BucketName = Bucket, Marker = marker, MaxKeys = 1000 }, call.Token);
            }

            var objects = page.S3Objects ?? [];
            foreach (var item in objects)
            {
                using var call = OneCall(cancellationToken);
                await S3.DeleteObjectAsync(Bucket, item.Key, call.Token);
            }

            if (page.IsTruncated != true || objects.Count == 0)
            {
                break;
            }

            marker = objects[^1].Key;
        }

        _readUrls.Clear();
    }

    // Each call of a reset gets the call timeout (the client's own timeout is sized for the largest upload).
    private CancellationTokenSource OneCall(CancellationToken cancellationToken)
    {
        // The deadline's timer is the injected clock's; it is left to fire (a few seconds) rather than
        // disposed, since the linked source the caller disposes is what the call observes.
        var deadline = new CancellationTokenSource(resilience.Value.CallTimeout, time);
        return CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
    }

    // GetBucketLocation: one cheap round trip whatever the bucket holds. Not ListObjectsV2 with
    // max-keys (s3rver answers a truncated one with a 500) and not HeadBucket (s3rver serves it by
    // listing up to 1,000 objects, which took seconds on a busy machine).
    public async Task PingAsync(CancellationToken cancellationToken) =>
        await S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = Bucket }, cancellationToken);
}
