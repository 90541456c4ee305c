using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Registry.Endpoints;
using Registry.Storage;

namespace Tests.Unit.Registry.Endpoints;

/// <summary>The copy of an archive into the response body: never past the length, and it says why it stopped.</summary>
public sealed class ResponseBodyTests
{
    [Fact]
    public async Task NeverSendsMoreThanTheLengthAskedFor_EvenWhenTheSourceHasMore()
    {
        // s3rver answers "bytes=0-0" with the whole object; the response's Content-Length is 1.
        var (response, pipe) = Response();
        var source = new StreamSource(new MemoryStream(Bytes(10_000)));

        var copy = await ResponseBody.CopyAsync(source, response, length: 1, readBytes: 4096, TestContext.Current.CancellationToken);

        Assert.Equal(new BodyCopy(1, ClientGone: false), copy);
        Assert.Equal(Bytes(10_000)[..1], await ReadAllAsync(pipe));
    }

    [Fact]
    public async Task CopiesEveryByteInReadsOfAtMostTheReadSize()
    {
        var (response, pipe) = Response();
        var reads = new List<int>();
        var source = new StreamSource(new RecordingStream(new MemoryStream(Bytes(50_000)), reads));

        var copy = await ResponseBody.CopyAsync(source, response, length: 50_000, readBytes: 8192, TestContext.Current.CancellationToken);

        Assert.Equal(new BodyCopy(50_000, ClientGone: false), copy);
        Assert.Equal(Bytes(50_000), await ReadAllAsync(pipe));
        Assert.All(reads, size => Assert.InRange(size, 1, 8192));
    }

    [Fact]
    public async Task ASourceThatEndsEarly_IsReportedAsShort_NotAsAClientThatLeft()
    {
        var (response, _) = Response();

        var copy = await ResponseBody.CopyAsync(new StreamSource(new MemoryStream(Bytes(100))), response, length: 1000, readBytes: 64, TestContext.Current.CancellationToken);

        Assert.Equal(new BodyCopy(100, ClientGone: false), copy);
    }

    [Fact]
    public async Task AClientThatLeft_StopsTheCopy_AndIsReportedAsGone()
    {
        var (response, pipe) = Response();
        await pipe.Reader.CompleteAsync(); // the connection's reading side is gone

        var copy = await ResponseBody.CopyAsync(new StreamSource(new MemoryStream(Bytes(100_000))), response, length: 100_000, readBytes: 4096, TestContext.Current.CancellationToken);

        Assert.True(copy.ClientGone);
        Assert.Equal(4096, copy.Sent);
    }

    [Fact]
    public async Task AFileSource_ReadsFromItsOffset()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, Bytes(20_000), TestContext.Current.CancellationToken);
            using var file = File.OpenHandle(path);
            var (response, pipe) = Response();

            var copy = await ResponseBody.CopyAsync(new FileSource(file, offset: 5_000), response, length: 12_000, readBytes: 4096, TestContext.Current.CancellationToken);

            Assert.Equal(new BodyCopy(12_000, ClientGone: false), copy);
            Assert.Equal(Bytes(20_000)[5_000..17_000], await ReadAllAsync(pipe));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Bytes(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i * 7))];

    private static (HttpResponse Response, Pipe Pipe) Response()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseBodyFeature>(new PipeBody(pipe.Writer));
        return (context.Response, pipe);
    }

    private static async Task<byte[]> ReadAllAsync(Pipe pipe)
    {
        await pipe.Writer.CompleteAsync();
        using var all = new MemoryStream();
        await pipe.Reader.CopyToAsync(all, TestContext.Current.CancellationToken);
        return all.ToArray();
    }

    private sealed class PipeBody(PipeWriter writer) : IHttpResponseBodyFeature
    {
        public Stream Stream => writer.AsStream();

        public PipeWriter Writer => writer;

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CompleteAsync() => writer.CompleteAsync().AsTask();
    }

    private sealed class RecordingStream(Stream inner, List<int> reads) : ForwardReadStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            reads.Add(buffer.Length);
            return await inner.ReadAsync(buffer, cancellationToken);
        }
    }
}
