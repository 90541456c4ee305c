using Microsoft.Win32.SafeHandles;

namespace Registry.Endpoints;

/// <summary>
/// A part of a local file, read positionally and synchronously: the hot-archive cache's files are
/// written and verified by this process and read from the page cache, where a read of a block takes
/// microseconds, less than the thread-pool hop of an asynchronous file read (CachedFileBody says more).
/// </summary>
internal readonly struct FileSource(SafeFileHandle file, long offset) : IArchiveSource
{
    public ValueTask<int> ReadAsync(Memory<byte> into, long copied, CancellationToken cancellationToken) =>
        ValueTask.FromResult(RandomAccess.Read(file, into.Span, offset + copied));
}
