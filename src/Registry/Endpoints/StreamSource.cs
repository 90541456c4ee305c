namespace Registry.Endpoints;

/// <summary>A store's stream, read in order.</summary>
internal readonly struct StreamSource(Stream stream) : IArchiveSource
{
    public ValueTask<int> ReadAsync(Memory<byte> into, long copied, CancellationToken cancellationToken) => stream.ReadAsync(into, cancellationToken);
}
