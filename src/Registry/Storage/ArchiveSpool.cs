using System.Security.Cryptography;

namespace Registry.Storage;

/// <summary>
/// An uploaded body copied to a temporary file (deleted on dispose) while its SHA-256 is computed.
/// Spooling first means memory stays flat for any size, a body without Content-Length still gets a
/// length for S3, and nothing reaches storage until the whole body arrived and passed its checks.
/// </summary>
internal sealed class ArchiveSpool : IAsyncDisposable
{
    private static readonly byte[] ZipLocalHeader = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] ZipEmptyArchive = [0x50, 0x4B, 0x05, 0x06];

    private ArchiveSpool(FileStream file, long length, string sha256) => (File, Length, Sha256) = (file, length, sha256);

    /// <summary>The spooled bytes, rewound.</summary>
    public FileStream File { get; }

    public long Length { get; }

    /// <summary>Lowercase hex.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// Copies the body; null with a reason when it is too large, empty, not a zip, or stalled (no byte
    /// for <paramref name="idleTimeout"/>). The file is deleted on every failure.
    /// </summary>
    public static async Task<(ArchiveSpool? Spool, SpoolFailure Failure)> CopyAsync(
        Stream body, long maxBytes, TimeSpan idleTimeout, string directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.Combine(directory, "registry-upload-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81_920];
            long length = 0;
            int read;
            // Created on the injected clock, so CancelAfter below runs on its timer too.
            using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
            using var linked = cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), idle);
            while (true)
            {
#pragma warning disable RS0030 // CancelAfter on a source built with a TimeProvider uses that provider's timer
                idle.CancelAfter(idleTimeout); // restarts the clock for each read
#pragma warning restore RS0030
                try
                {
                    read = await body.ReadAsync(buffer, idle.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await file.DisposeAsync();
                    return (null, SpoolFailure.Stalled);
                }

                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    await file.DisposeAsync();
                    return (null, SpoolFailure.TooLarge);
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (length == 0)
            {
                await file.DisposeAsync();
                return (null, SpoolFailure.Empty);
            }

            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            var magic = new byte[4];
            var magicLength = await file.ReadAtLeastAsync(magic, 4, throwOnEndOfStream: false, cancellationToken);
            if (magicLength < 4 || !(magic.AsSpan().SequenceEqual(ZipLocalHeader) || magic.AsSpan().SequenceEqual(ZipEmptyArchive)))
            {
                await file.DisposeAsync();
                return (null, SpoolFailure.NotZip);
            }

            file.Position = 0;
            return (new ArchiveSpool(file, length, Convert.ToHexStringLower(hash.GetHashAndReset())), SpoolFailure.None);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => File.DisposeAsync();
}
